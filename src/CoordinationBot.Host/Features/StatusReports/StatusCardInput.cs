using System.Globalization;
using System.Text.Json.Nodes;
using CoordinationBot.BotFramework.Schema;
using CoordinationBot.Core.StatusReports;

namespace CoordinationBot.Host.Features.StatusReports;

/// <summary>What a status card sends back (any of its actions), read as untrusted strings for the core to check.</summary>
public static class StatusCardInput
{
    private const int MaxTasks = 200;

    /// <summary>The round, the agency and one entry per task the card names; null when the card names no round or agency.</summary>
    public static (string RoundId, string Agency, IReadOnlyList<StatusEntry> Entries)? Read(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var data = activity.GetCardData();
        var roundId = activity.GetCardString("roundId");
        var agency = activity.GetCardString("agency");
        if (roundId is null || agency is null || roundId.Length > 300 || agency.Length > 300)
        {
            return null;
        }

        var taskIds = (data?["tasks"] as JsonArray)?.Select(n => n is JsonValue v && v.TryGetValue<string>(out var s) ? s : null).OfType<string>().Take(MaxTasks).ToList() ?? [];
        if (taskIds.Distinct(StringComparer.Ordinal).Count() != taskIds.Count)
        {
            // The bot never names a task twice on a card.
            return null;
        }

        var entries = taskIds.Select((id, i) => new StatusEntry(
            id,
            activity.GetCardString($"status_{i}"),
            activity.GetCardString($"percent_{i}") ?? Number(data?[$"percent_{i}"]),
            activity.GetCardString($"result_{i}"),
            activity.GetCardString($"difficulties_{i}"),
            activity.GetCardString($"proposals_{i}"),
            data?["etags"]?[id] is JsonValue etag && etag.TryGetValue<string>(out var value) ? value : null,
            activity.GetCardString($"evidence_{i}"))).ToList();
        return (roundId, agency, entries);
    }

    private static string? Number(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<double>(out var number) ? number.ToString(CultureInfo.InvariantCulture) : null;
}
