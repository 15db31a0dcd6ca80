using Azure.Data.Tables;
using CoordinationBot.Core.StatusReports;
using CoordinationBot.Storage.Tables;

namespace CoordinationBot.Storage.StatusReports;

/// <summary>
/// The rows of a round's partition in the reports table: a report per agency and task ("agency~task"), and beside them
/// the report history, the handled actions and the round's open version, which must share the partition to be written
/// (or checked) in one batch with the reports. Their keys start with "%~", which <see cref="TableKey.Encode"/> never
/// produces ('~' is no hex digit).
/// </summary>
internal static class ReportRows
{
    private const string Internal = "%~";

    public static string History(string key) => Internal + "h~" + key;

    public static string Handled(string actionId) => Internal + "a~" + TableKey.Encode(actionId);

    /// <summary>The row that exists while the round, at this revision, is open: a report saved against a revision touches it.</summary>
    public static string Open(long revision) => Internal + "o~" + revision.ToString("D19", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The open-version rows of revisions up to <paramref name="revision"/>.</summary>
    public static string OpenUpTo(string roundId, long revision) =>
        TableClient.CreateQueryFilter($"PartitionKey eq {TableKey.Encode(roundId)} and RowKey ge {Internal + "o~"} and RowKey le {Open(revision)}");

    /// <summary>
    /// Every report of the round and nothing else: one key range, after the internal rows (agency names begin with a
    /// letter or digit, which sort after '%'), so the service seeks past the history instead of filtering it out.
    /// </summary>
    public static string AllReports(string roundId) =>
        TableClient.CreateQueryFilter($"PartitionKey eq {TableKey.Encode(roundId)} and RowKey gt {Internal + "\uffff"}");

    /// <summary>A round of many reports is read in this many key ranges at once: the storage serves one while this side reads another.</summary>
    public const int ReadRanges = 4;

    /// <summary>Fewer expected agencies than this: the round is read in one query.</summary>
    private const int SplitFromAgencies = 32;

    /// <summary>
    /// Filters that together select every report of the round once, in key order: one, or key ranges split between
    /// expected agencies (by their keys, so each range holds about as many agencies) when there are many of them.
    /// </summary>
    public static IReadOnlyList<string> Ranges(string roundId, IReadOnlyCollection<string>? expected)
    {
        var all = AllReports(roundId);
        var keys = (expected ?? []).Select(TableKey.Encode).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        if (keys.Count < SplitFromAgencies)
        {
            return [all];
        }

        var bounds = Enumerable.Range(1, ReadRanges - 1).Select(i => keys[i * keys.Count / ReadRanges]).ToList();
        var ranges = new List<string> { all + TableClient.CreateQueryFilter($" and RowKey lt {bounds[0]}") };
        for (var i = 0; i < bounds.Count; i++)
        {
            ranges.Add(all + (i + 1 < bounds.Count
                ? TableClient.CreateQueryFilter($" and RowKey ge {bounds[i]} and RowKey lt {bounds[i + 1]}")
                : TableClient.CreateQueryFilter($" and RowKey ge {bounds[i]}")));
        }

        return ranges;
    }

    public static StatusReport Report(string roundId, ReportEntity e) =>
        new(roundId, e.Agency, e.TaskId, Enum.Parse<ProgressStatus>(e.Status), e.Percent, e.Result ?? string.Empty, e.Difficulties ?? string.Empty, e.Proposals ?? string.Empty, e.SubmittedBy, e.SubmittedAt) { Evidence = e.Evidence ?? string.Empty };

    public static ReportEntity Entity(StatusReport report) => new()
    {
        PartitionKey = TableKey.Encode(report.RoundId),
        RowKey = TableKey.Encode(report.Agency) + "~" + TableKey.Encode(report.TaskId),
        Agency = report.Agency,
        TaskId = report.TaskId,
        Status = report.Status.ToString(),
        Percent = report.Percent,
        Result = report.Result,
        Difficulties = report.Difficulties,
        Proposals = report.Proposals,
        Evidence = report.Evidence.Length == 0 ? null : report.Evidence,
        SubmittedBy = report.SubmittedBy,
        SubmittedAt = report.SubmittedAt,
    };
}
