using System.Globalization;
using System.Text.Json.Nodes;
using CoordinationBot.Core.Plans;
using CoordinationBot.Core.Text;
using CoordinationBot.Host.Resources;
using CoordinationBot.Host.Cards;

namespace CoordinationBot.Host.Features.Plans;

/// <summary>What the bot read from a plan file, for the focal agency to check before "Lưu" / "Hủy".</summary>
public static class PlanPreviewCard
{
    public const string SaveVerb = "plan.save";
    public const string CancelVerb = "plan.cancel";
    public const string CorrectVerb = "plan.preview.correct";
    public const string ShowVerb = "plan.preview.show";
    public const string TaskIdInput = "correctTaskId";

    /// <summary>The pending import a preview (and a correction form opened from it) is about.</summary>
    public const string PendingField = "pendingId";
    private const int FirstTasks = 5;

    /// <summary>
    /// The preview (with the corrections made on it, <paramref name="corrections"/> of them); for an assignment table
    /// attached to a plan (<c>attachedTo</c>) it says Lưu adds its tasks there. A task can be corrected before Lưu.
    /// </summary>
    public static JsonObject Create(Plan plan, string pendingId, CultureInfo culture, string? attachedTo = null, int corrections = 0, string? note = null)
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

        if (corrections > 0)
        {
            body.Add(AdaptiveCard.TextBlock(string.Format(culture, T("PreviewCorrections"), corrections)));
        }

        if (note is not null)
        {
            var block = AdaptiveCard.TextBlock(note);
            block["color"] = "Attention";
            body.Add(block);
        }

        body.Add(new JsonObject
        {
            ["type"] = "Input.Text", ["id"] = TaskIdInput, ["label"] = T("PreviewCorrectLabel"),
            ["placeholder"] = string.Format(culture, T("PreviewCorrectPlaceholder"), plan.Tasks[0].Id), ["maxLength"] = 40,
        });
        body.Add(AdaptiveCard.TextBlock(T("PreviewAsk")));
        var data = new JsonObject { [PendingField] = pendingId };
        return AdaptiveCard.Create(body,
        [
            AdaptiveCard.Execute(T("ActionSave"), SaveVerb, data),
            AdaptiveCard.Execute(T("PreviewCorrectAction"), CorrectVerb, data),
            AdaptiveCard.Execute(T("ActionCancel"), CancelVerb, data),
        ]);
    }

    /// <summary>The action that takes a correction form back to the preview it came from.</summary>
    public static JsonObject BackAction(string pendingId, CultureInfo culture) =>
        AdaptiveCard.Execute(BotText.Get("PreviewBack", culture), ShowVerb, new JsonObject { [PendingField] = pendingId });
}
