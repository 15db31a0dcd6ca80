using CoordinationBot.Core.StatusReports;
using System.Globalization;
using System.Text.Json.Nodes;
using CoordinationBot.Core.Plans;
using CoordinationBot.Core.Text;
using CoordinationBot.Host.Resources;
using CoordinationBot.Host.Cards;

namespace CoordinationBot.Host.Features.StatusReports;

/// <summary>
/// What a status card adds in a chain round: on a task the agency supports, that its part goes to the lead; on a task
/// it leads, each support's part (who, when, what, shown as typed) and the supports still missing.
/// </summary>
public static class ChainBlocks
{
    public static void AddTo(JsonObject taskBlock, StatusCardData model, PlanTask task, Role role, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(taskBlock);
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(task);
        if (!model.Round.IsChain)
        {
            return;
        }

        var items = taskBlock["items"]!.AsArray();
        if (role == Role.Support)
        {
            var leads = string.Join("; ", task.LeadAgencies());
            items.Insert(1, AdaptiveCard.TextBlock(string.Format(culture, BotText.Get("ChainSupportHint", culture), leads.Length > 0 ? leads : "—"), subtle: true));
            return;
        }

        if (model.Contributions?.GetValueOrDefault(task.Id) is not { } parts)
        {
            return;
        }

        var block = new JsonArray { AdaptiveCard.TextBlock(BotText.Get("ChainPartsHeading", culture), heading: false) };
        foreach (var part in parts.Given)
        {
            var line = string.Format(culture, BotText.Get("ChainPart", culture), part.SubmittedAt.ToVietnameseTime(), BotText.Get("Status_" + part.Status, culture), part.Percent);
            block.Add(AdaptiveCard.PlainText((part.Agency, true), ($" ({line})" + (part.Result.Length > 0 ? ": " + VietnameseText.Shorten(part.Result, 500) : string.Empty), false)));
        }

        if (parts.Missing.Count > 0)
        {
            var missing = AdaptiveCard.TextBlock(string.Format(culture, BotText.Get("ChainPartsMissing", culture), string.Join("; ", parts.Missing)), subtle: true);
            missing["color"] = "Warning";
            block.Add(missing);
        }

        items.Insert(1, new JsonObject { ["type"] = "Container", ["style"] = "emphasis", ["items"] = block });
    }
}
