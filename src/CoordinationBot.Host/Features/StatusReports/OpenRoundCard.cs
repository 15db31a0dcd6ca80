using System.Globalization;
using System.Text.Json.Nodes;
using CoordinationBot.Core.StatusReports;
using CoordinationBot.Core.Questions;
using CoordinationBot.Host.Resources;
using CoordinationBot.Host.Cards;

namespace CoordinationBot.Host.Features.StatusReports;

/// <summary>The focal agency's form to open a round: plan, period, optional due date and message.</summary>
public static class OpenRoundCard
{
    public const string Verb = "round.open";
    public const int MaxMessage = 1000;

    public static JsonObject Create(PlanCatalog catalog, DateOnly today, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        string T(string name) => BotText.Get(name, culture);
        var plans = new JsonArray([.. catalog.Plans.Select(p => (JsonNode)new JsonObject
        {
            ["title"] = $"{p.Plan.Number ?? p.Plan.Kind} — {(p.Plan.Title.Length <= 90 ? p.Plan.Title : p.Plan.Title[..89] + "…")}",
            ["value"] = p.Key,
        })]);
        var periods = new JsonArray([.. Periods(today).Select(p => (JsonNode)new JsonObject { ["title"] = BotText.PeriodLabel(p, culture), ["value"] = p.Code })]);
        var body = new JsonArray
        {
            AdaptiveCard.TextBlock(T("OpenRoundTitle"), heading: true),
            new JsonObject { ["type"] = "Input.ChoiceSet", ["id"] = "plan", ["label"] = T("OpenRoundPlan"), ["isRequired"] = true, ["errorMessage"] = T("OpenRoundChoose"), ["style"] = "filtered", ["choices"] = plans },
            new JsonObject { ["type"] = "Input.ChoiceSet", ["id"] = "period", ["label"] = T("OpenRoundPeriod"), ["isRequired"] = true, ["errorMessage"] = T("OpenRoundChoose"), ["choices"] = periods },
            new JsonObject { ["type"] = "Input.Date", ["id"] = "due", ["label"] = T("OpenRoundDue"), ["min"] = today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) },
            new JsonObject { ["type"] = "Input.Text", ["id"] = "message", ["label"] = T("OpenRoundMessage"), ["isMultiline"] = true, ["maxLength"] = MaxMessage },
            new JsonObject { ["type"] = "Input.Toggle", ["id"] = "chain", ["title"] = T("OpenRoundChain"), ["valueOn"] = "true", ["valueOff"] = "false", ["value"] = "false", ["wrap"] = true },
            new JsonObject
            {
                ["type"] = "Input.Number", ["id"] = "explainAfterDays", ["label"] = T("OpenRoundExplainAfter"), ["min"] = 1, ["max"] = ReportingRound.MaxExplainAfterDays,
                ["placeholder"] = CoordinationBot.Core.Reminders.ReminderPlanner.DefaultExplainAfterDays.ToString(CultureInfo.InvariantCulture),
            },
        };
        var title = T("OpenRoundAction");
        return AdaptiveCard.Create(body,
        [
            new JsonObject
            {
                ["type"] = "Action.Execute", ["title"] = title, ["verb"] = Verb,
                ["fallback"] = new JsonObject { ["type"] = "Action.Submit", ["title"] = title, ["data"] = new JsonObject { ["verb"] = Verb } },
            },
        ]);
    }

    /// <summary>The periods offered: this year's first half and whole year, next year's when the year is ending, and ad hoc.</summary>
    public static IReadOnlyList<ReportingPeriod> Periods(DateOnly today)
    {
        var periods = new List<ReportingPeriod> { ReportingPeriod.FirstHalf(today.Year), ReportingPeriod.WholeYear(today.Year) };
        if (today.Month >= 11)
        {
            periods.Add(ReportingPeriod.FirstHalf(today.Year + 1));
        }

        periods.Add(ReportingPeriod.AdHoc(today));
        return periods;
    }
}
