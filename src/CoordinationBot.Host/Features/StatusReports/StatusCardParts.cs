using System.Globalization;
using System.Text.Json.Nodes;
using CoordinationBot.Core.StatusReports;
using CoordinationBot.Core.Text;
using CoordinationBot.Host.Resources;
using CoordinationBot.Host.Cards;

namespace CoordinationBot.Host.Features.StatusReports;

/// <summary>Parts of the status card: the request for revision, the draft's note, the secondary actions, the inputs' values.</summary>
public static class StatusCardParts
{
    /// <summary>The focal agency's request for revision, its words shown as typed.</summary>
    public static JsonObject ReturnedBlock(ReportReturn returned, CultureInfo culture)
    {
        var heading = AdaptiveCard.TextBlock(string.Format(culture, BotText.Get("ReturnedHeading", culture), returned.ReturnedByAgency ?? returned.ReturnedByName ?? "—", returned.At.ToVietnameseTime()), heading: true);
        heading["color"] = "Attention";
        return new JsonObject
        {
            ["type"] = "Container",
            ["style"] = "attention",
            ["items"] = new JsonArray { heading, AdaptiveCard.PlainText((returned.Comment, false)), AdaptiveCard.TextBlock(BotText.Get("ReturnedHint", culture), subtle: true) },
        };
    }

    public static string? DraftNote(StatusDraft? draft, CultureInfo culture) =>
        draft is null ? null : string.Format(culture, BotText.Get("DraftShown", culture), draft.SavedAt.ToVietnameseTime(), draft.SavedBy);

    /// <summary>What a task's inputs show: a draft's or an earlier round's values when given, else what was saved.</summary>
    public static StatusEntry? Shown(StatusReport? saved, StatusEntry? filled) =>
        filled ?? (saved is null ? null : StatusEntry.Of(saved));
}
