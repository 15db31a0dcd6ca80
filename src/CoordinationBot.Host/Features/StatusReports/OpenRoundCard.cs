using System.Globalization;
using System.Text.Json.Nodes;
using CoordinationBot.BotFramework.Schema;
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
    private const string PlanInput = "plan";
    private const string PeriodInput = "period";
    private const string DueInput = "due";
    private const string MessageInput = "message";
    private const string ChainInput = "chain";
    private const string ExplainAfterInput = "explainAfterDays";

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
            new JsonObject { ["type"] = "Input.ChoiceSet", ["id"] = PlanInput, ["label"] = T("OpenRoundPlan"), ["isRequired"] = true, ["errorMessage"] = T("OpenRoundChoose"), ["style"] = "filtered", ["choices"] = plans },
            new JsonObject { ["type"] = "Input.ChoiceSet", ["id"] = PeriodInput, ["label"] = T("OpenRoundPeriod"), ["isRequired"] = true, ["errorMessage"] = T("OpenRoundChoose"), ["choices"] = periods },
            new JsonObject { ["type"] = "Input.Date", ["id"] = DueInput, ["label"] = T("OpenRoundDue"), ["min"] = today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) },
            new JsonObject { ["type"] = "Input.Text", ["id"] = MessageInput, ["label"] = T("OpenRoundMessage"), ["isMultiline"] = true, ["maxLength"] = MaxMessage },
            new JsonObject { ["type"] = "Input.Toggle", ["id"] = ChainInput, ["title"] = T("OpenRoundChain"), ["valueOn"] = "true", ["valueOff"] = "false", ["value"] = "false", ["wrap"] = true },
            new JsonObject
            {
                ["type"] = "Input.Number", ["id"] = ExplainAfterInput, ["label"] = T("OpenRoundExplainAfter"), ["min"] = 1, ["max"] = ReportingRound.MaxExplainAfterDays,
                ["placeholder"] = CoordinationBot.Core.Reminders.ReminderPlanner.DefaultExplainAfterDays.ToString(CultureInfo.InvariantCulture),
            },
        };
        var title = T("OpenRoundAction");
        return AdaptiveCard.Create(body,
        [
            AdaptiveCard.Execute(title, Verb),
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

    /// <summary>
    /// What the form sent, read as untrusted strings: the plan's key, the period among those offered today, the due date
    /// (<see cref="OpenRoundForm.BadDue"/> when it is not one), the message, the days for explanations (0 when not a
    /// number) and whether supports report to the lead. The caller checks the plan and the rights.
    /// </summary>
    public static OpenRoundForm Read(Activity activity, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var dueText = activity.GetCardString(DueInput);
        DateOnly? due = string.IsNullOrWhiteSpace(dueText) ? null
            : DateOnly.TryParseExact(dueText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed) ? parsed : OpenRoundForm.BadDue;
        var message = activity.GetCardString(MessageInput)?.Trim();
        var explainText = activity.GetCardString(ExplainAfterInput)?.Trim();
        int? explainAfter = string.IsNullOrEmpty(explainText) ? null
            : int.TryParse(explainText, NumberStyles.None, CultureInfo.InvariantCulture, out var days) ? days : 0;
        return new OpenRoundForm(
            activity.GetCardString(PlanInput),
            Periods(today).FirstOrDefault(p => p.Code == activity.GetCardString(PeriodInput)),
            due,
            string.IsNullOrEmpty(message) ? null : message,
            explainAfter,
            string.Equals(activity.GetCardString(ChainInput), "true", StringComparison.Ordinal) ? ReportingMode.SupportsToLead : ReportingMode.ToFocal);
    }
}

/// <summary>The open-round form as sent.</summary>
public sealed record OpenRoundForm(string? PlanKey, ReportingPeriod? Period, DateOnly? Due, string? Message, int? ExplainAfterDays, ReportingMode Mode)
{
    public static DateOnly BadDue => DateOnly.MinValue;

    /// <summary>A plan and a period chosen, the date (if any) a date and the message within its limit.</summary>
    public bool Complete => PlanKey is not null && Period is not null && Due != BadDue && Message is not { Length: > OpenRoundCard.MaxMessage };
}
