using System.Globalization;
using System.Text.Json.Nodes;
using CoordinationBot.Core.Plans;
using CoordinationBot.Core.StatusReports;
using CoordinationBot.Host.Resources;
using CoordinationBot.Core.Text;
using CoordinationBot.Host.Cards;

namespace CoordinationBot.Host.Features.StatusReports;

/// <summary>The rounds a focal agency runs, one block each: plan, period, due date, progress, and what to do next.</summary>
public static class RoundsCard
{
    public static (JsonObject Card, string Text) Create(IReadOnlyList<RoundRow> rows, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var body = new JsonArray { AdaptiveCard.TextBlock(BotText.Get("RoundsTitle", culture), heading: true) };
        var lines = new List<string>();
        foreach (var (round, plan, reported, expected) in rows)
        {
            var period = BotText.PeriodLabel(round.Period, culture);
            var line = string.Format(
                culture,
                BotText.Get(round.State == RoundState.Open ? "RoundsLineOpen" : "RoundsLineClosed", culture),
                PlanKind.Label(plan),
                period,
                round.Due.ToVietnameseDate(),
                reported,
                expected);
            lines.Add(line);
            // The buttons say a command, in Vietnamese whatever the client's language.
            var reference = $"{PlanKind.Name(plan.Kind).ToLower(culture)} {plan.Number ?? plan.Title} {round.Period.CommandText}";
            var actions = new JsonArray { AdaptiveCard.TypeTextAction(BotText.Get("RoundsConsolidate", culture), $"tổng hợp {reference}") };
            if (round.State == RoundState.Open)
            {
                actions.Add(AdaptiveCard.TypeTextAction(BotText.Get("RoundsClose", culture), $"đóng đợt báo cáo {reference}"));
            }

            body.Add(new JsonObject
            {
                ["type"] = "Container",
                ["separator"] = true,
                ["items"] = new JsonArray { AdaptiveCard.TextBlock(line), new JsonObject { ["type"] = "ActionSet", ["actions"] = actions } },
            });
        }

        return (AdaptiveCard.Create(body), string.Join("\n", lines));
    }
}

/// <summary>One round in the list: its plan, and how many of the agencies expected have reported.</summary>
public sealed record RoundRow(ReportingRound Round, Plan Plan, int Reported, int Expected);
