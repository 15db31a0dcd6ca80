using System.Globalization;
using System.Text.Json.Nodes;
using CoordinationBot.Core.Plans;
using CoordinationBot.Core.Text;
using CoordinationBot.Host.Resources;

namespace CoordinationBot.Host.Cards;

/// <summary>What the bot read from a plan file, for the focal agency to check before "Lưu" / "Hủy".</summary>
public static class PlanPreviewCard
{
    public const string SaveVerb = "plan.save";
    public const string CancelVerb = "plan.cancel";
    private const int FirstTasks = 5;

    /// <summary>The preview; for an assignment table attached to a plan (<c>attachedTo</c>) it says Lưu adds its tasks there.</summary>
    public static JsonObject Create(Plan plan, string pendingId, CultureInfo culture, string? attachedTo = null)
    {
        ArgumentNullException.ThrowIfNull(plan);
        string T(string name) => BotText.Get(name, culture);
        var agencies = plan.AssignedAgencies().Count;
        var facts = new JsonArray
        {
            AdaptiveCard.Fact(T("PreviewNumber"), plan.Number ?? T("NoNumber")),
            AdaptiveCard.Fact(T("PreviewIssuedOn"), plan.IssuedOn?.ToVietnameseDate() ?? "—"),
            AdaptiveCard.Fact(T("PreviewFocal"), plan.FocalAgency ?? "—"),
            AdaptiveCard.Fact(T("PreviewCounts"), $"{plan.Tasks.Count} / {agencies}"),
        };
        if (plan.Implements.Count > 0)
        {
            facts.Add(AdaptiveCard.Fact(T("PreviewImplements"), string.Join(", ", plan.Implements.Take(4).Select(r => r.Number))));
        }

        if (plan.AgenciesToReview.Count > 0)
        {
            facts.Add(AdaptiveCard.Fact(T("PreviewReview"), string.Join("; ", plan.AgenciesToReview)));
        }

        var body = new JsonArray
        {
            AdaptiveCard.TextBlock(T("PreviewTitle"), heading: true),
            attachedTo is null
                ? AdaptiveCard.TextBlock($"{plan.Kind} — {VietnameseText.Shorten(plan.Title, 300)}")
                : AdaptiveCard.TextBlock(string.Format(culture, T("PreviewAttachment"), attachedTo, plan.Tasks.Count)),
            new JsonObject { ["type"] = "FactSet", ["facts"] = facts },
            AdaptiveCard.TextBlock(T("PreviewFirstTasks")),
        };
        foreach (var task in plan.Tasks.Take(FirstTasks))
        {
            var who = task.Assignments.Count == 0
                ? T("PreviewNoAgency")
                : string.Join("; ", task.Assignments.Select(a => $"{(a.Role == Role.Lead ? T("RoleLead") : T("RoleSupport"))}: {a.Agency}"));
            body.Add(AdaptiveCard.TextBlock($"**{task.Id}** {VietnameseText.Shorten(task.Text, 160)}"));
            body.Add(AdaptiveCard.TextBlock(who, subtle: true));
        }

        body.Add(AdaptiveCard.TextBlock(T("PreviewAsk")));
        var data = new JsonObject { ["pendingId"] = pendingId };
        return AdaptiveCard.Create(body, [Execute(T("ActionSave"), SaveVerb, data), Execute(T("ActionCancel"), CancelVerb, data)]);
    }

    /// <summary>Action.Execute for Teams, with the Action.Submit fallback older clients need; both carry the verb.</summary>
    private static JsonObject Execute(string title, string verb, JsonObject data) => new()
    {
        ["type"] = "Action.Execute",
        ["title"] = title,
        ["verb"] = verb,
        ["data"] = data.DeepClone(),
        ["fallback"] = new JsonObject
        {
            ["type"] = "Action.Submit",
            ["title"] = title,
            ["data"] = new JsonObject { ["verb"] = verb, ["pendingId"] = data["pendingId"]!.DeepClone() },
        },
    };

}
