using System.Globalization;
using System.Text.Json.Nodes;
using CoordinationBot.BotFramework.Schema;
using CoordinationBot.Core.StatusReports;

namespace CoordinationBot.Host.Features.StatusReports;

/// <summary>
/// The status card's field contract: the ids its inputs and data carry, and what any of its actions sends back, read
/// as untrusted strings for the core to check.
/// </summary>
public static partial class StatusCard
{
    public const string RoundField = "roundId";
    public const string AgencyField = "agency";
    private const string TasksField = "tasks";
    private const string VersionsField = "etags";
    private const int MaxTasks = 200;

    /// <summary>The round, the agency and one entry per task the card names; null when the card names no round or agency.</summary>
    public static (string RoundId, string Agency, IReadOnlyList<StatusEntry> Entries)? Read(Activity activity)
    {
        if (ReadTarget(activity) is not var (roundId, agency))
        {
            return null;
        }

        var data = activity.GetCardData();
        var taskIds = (data?[TasksField] as JsonArray)?.Select(n => n is JsonValue v && v.TryGetValue<string>(out var s) ? s : null).OfType<string>().Take(MaxTasks).ToList() ?? [];
        if (taskIds.Distinct(StringComparer.Ordinal).Count() != taskIds.Count)
        {
            // The bot never names a task twice on a card.
            return null;
        }

        var entries = taskIds.Select((id, i) => new StatusEntry(
            id,
            activity.GetCardString(Field.Status.Of(i)),
            activity.GetCardString(Field.Percent.Of(i)) ?? Number(data?[Field.Percent.Of(i)]),
            activity.GetCardString(Field.Result.Of(i)),
            activity.GetCardString(Field.Difficulties.Of(i)),
            activity.GetCardString(Field.Proposals.Of(i)),
            data?[VersionsField]?[id] is JsonValue version && version.TryGetValue<string>(out var value) ? value : null,
            activity.GetCardString(Field.Evidence.Of(i)))).ToList();
        return (roundId, agency, entries);
    }

    /// <summary>The round and agency a card is for (every action carries them); null when either is missing or too long.</summary>
    public static (string RoundId, string Agency)? ReadTarget(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var roundId = activity.GetCardString(RoundField);
        var agency = activity.GetCardString(AgencyField);
        return roundId is null || agency is null || roundId.Length > 300 || agency.Length > 300 ? null : (roundId, agency);
    }

    private static JsonObject TargetData(StatusCardData model) => new() { [RoundField] = model.Round.Id, [AgencyField] = model.Agency };

    /// <summary>What the card's actions send: the round, the agency, its tasks in order and the version of each saved report.</summary>
    private static JsonObject Data(StatusCardData model, JsonObject versions)
    {
        var data = TargetData(model);
        data[TasksField] = new JsonArray([.. model.Tasks.Select(t => (JsonNode?)t.Task.Id)]);
        data[VersionsField] = versions;
        return data;
    }

    private static string? Number(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<double>(out var number) ? number.ToString(CultureInfo.InvariantCulture) : null;

    /// <summary>The inputs of the i-th task on the card.</summary>
    private sealed record Field(string Name)
    {
        public static Field Status { get; } = new("status");
        public static Field Percent { get; } = new("percent");
        public static Field Result { get; } = new("result");
        public static Field Difficulties { get; } = new("difficulties");
        public static Field Proposals { get; } = new("proposals");
        public static Field Evidence { get; } = new("evidence");

        public string Of(int task) => string.Create(CultureInfo.InvariantCulture, $"{Name}_{task}");
    }
}
