using Azure.Data.Tables;
using System.Text.Json;
using CoordinationBot.Core.StatusReports;
using CoordinationBot.Storage.Tables;

namespace CoordinationBot.Storage.StatusReports;

/// <summary>Rounds, reports (ETag per report) and append-only histories in Azure Tables.</summary>
public sealed class TableStatusReportStore(StorageTables service, TimeProvider time) : IStatusReportStore
{
    private readonly EntityTable rounds = service.GetTable("rounds");
    private readonly EntityTable reportTable = service.GetTable("reports");
    private readonly EntityTable history = service.GetTable("history");

    public async Task<ReportingRound?> GetRoundAsync(string roundId, CancellationToken cancellationToken)
    {
        var entry = await rounds.GetAsync("round", TableKey.Encode(roundId), StorageJsonContext.Default.RoundEntity, cancellationToken);
        return entry is null ? null : JsonSerializer.Deserialize(entry.Value.Round, StorageJsonContext.Default.ReportingRound);
    }

    public async Task<bool> AddRoundAsync(ReportingRound round, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(round);
        try
        {
            await rounds.AddAsync(Entity(round), StorageJsonContext.Default.RoundEntity, cancellationToken);
        }
        catch (TableConflictException)
        {
            return false;
        }

        await AppendAsync(round.Id, round.Id, round.OpenedBy, "opened: due " + round.Due.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), cancellationToken);
        return true;
    }

    public async IAsyncEnumerable<ReportingRound> ListOpenRoundsAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var round in ListRoundsAsync(cancellationToken))
        {
            if (round.State == RoundState.Open)
            {
                yield return round;
            }
        }
    }

    public async IAsyncEnumerable<ReportingRound> ListRoundsAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var entry in rounds.QueryAsync(TableClient.CreateQueryFilter($"PartitionKey eq {"round"}"), StorageJsonContext.Default.RoundEntity, cancellationToken))
        {
            if (JsonSerializer.Deserialize(entry.Value.Round, StorageJsonContext.Default.ReportingRound) is { } round)
            {
                yield return round;
            }
        }
    }

    public async Task<IReadOnlyList<StatusReport>> GetAllReportsAsync(string roundId, CancellationToken cancellationToken)
    {
        var list = new List<StatusReport>();
        await foreach (var entry in reportTable.QueryAsync(ReportRows.AllReports(roundId), StorageJsonContext.Default.ReportEntity, cancellationToken))
        {
            list.Add(ReportRows.Report(roundId, entry.Value));
        }

        return list;
    }

    public async Task<IReadOnlyList<StatusReport>> GetReportsOfTasksAsync(string roundId, IReadOnlyCollection<string> taskIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(taskIds);
        var list = new List<StatusReport>();
        // A few tasks per query keeps the filter short; history and handled rows have no TaskId, and lie outside the range anyway.
        foreach (var chunk in taskIds.Distinct(StringComparer.Ordinal).Chunk(15))
        {
            var tasks = string.Join(" or ", chunk.Select(t => TableClient.CreateQueryFilter($"TaskId eq {t}")));
            await foreach (var entry in reportTable.QueryAsync($"{ReportRows.AllReports(roundId)} and ({tasks})", StorageJsonContext.Default.ReportEntity, cancellationToken))
            {
                list.Add(ReportRows.Report(roundId, entry.Value));
            }
        }

        return list;
    }

    public async Task<IReadOnlyCollection<string>> ReportedAgenciesAsync(string roundId, CancellationToken cancellationToken)
    {
        var agencies = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var entry in reportTable.QueryAsync(ReportRows.AllReports(roundId), StorageJsonContext.Default.ReportEntity, cancellationToken))
        {
            agencies.Add(entry.Value.Agency);
        }

        return agencies;
    }

    public async Task SaveRoundAsync(ReportingRound round, string changedBy, string change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(round);
        await rounds.UpsertAsync(Entity(round), StorageJsonContext.Default.RoundEntity, cancellationToken);
        await AppendAsync(round.Id, round.Id, changedBy, change, cancellationToken);
    }

    public async Task<IReadOnlyList<StoredReport>> GetReportsAsync(string roundId, string agency, CancellationToken cancellationToken)
    {
        var filter = TableKey.RowsOf(roundId, agency);
        var found = new List<StoredReport>();
        await foreach (var entry in reportTable.QueryAsync(filter, StorageJsonContext.Default.ReportEntity, cancellationToken))
        {
            found.Add(new StoredReport(ReportRows.Report(roundId, entry.Value), entry.ETag));
        }

        return found;
    }

    public async Task<ReportsSaved> SaveReportsAsync(IReadOnlyList<StatusReport> reports, IReadOnlyDictionary<string, string?> expected, string? actionId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reports);
        ArgumentNullException.ThrowIfNull(expected);
        if (reports.Count == 0)
        {
            return ReportsSaved.All;
        }

        var roundId = reports[0].RoundId;
        if (reports.Any(r => !string.Equals(r.RoundId, roundId, StringComparison.Ordinal)))
        {
            throw new ArgumentException("The reports of one submission belong to one round.", nameof(reports));
        }

        // A report and its history entry are two changes of one batch: a report is never stored without its history.
        var chunks = reports.Chunk((TableBatch.MaxChanges - 1) / 2).ToList();
        var marker = actionId is null ? null : new HandledActionEntity { PartitionKey = TableKey.Encode(roundId), RowKey = ReportRows.Handled(actionId) };
        if (marker is not null && chunks.Count > 1 && await reportTable.GetAsync(marker.PartitionKey, marker.RowKey, StorageJsonContext.Default.HandledActionEntity, cancellationToken) is not null)
        {
            return new ReportsSaved([], AlreadyHandled: true);
        }

        var conflicts = new List<string>();
        var stored = new List<StoredReport>();
        for (var c = 0; c < chunks.Count; c++)
        {
            var pending = chunks[c].ToList();
            while (pending.Count > 0)
            {
                // The handled mark goes first in the last batch, and only while nothing conflicted: a repeated invoke then
                // fails on it before anything else is tried, and an action whose reports were not all saved stays unhandled.
                var withMarker = marker is not null && c == chunks.Count - 1 && conflicts.Count == 0;
                var batch = new TableBatch();
                if (withMarker)
                {
                    batch.Add(marker!, StorageJsonContext.Default.HandledActionEntity);
                }

                var entities = new List<ReportEntity>(pending.Count);
                foreach (var report in pending)
                {
                    var entity = ReportRows.Entity(report);
                    entities.Add(entity);
                    if (expected.GetValueOrDefault(report.TaskId) is { } etag)
                    {
                        batch.Update(entity, etag, StorageJsonContext.Default.ReportEntity);
                    }
                    else
                    {
                        batch.Add(entity, StorageJsonContext.Default.ReportEntity);
                    }

                    batch.Add(History(roundId, report.Agency + "~" + report.TaskId, report.SubmittedBy, JsonSerializer.Serialize(report, StorageJsonContext.Default.StatusReport), reportRow: true), StorageJsonContext.Default.HistoryEntity);
                }

                try
                {
                    var versions = await reportTable.SubmitAsync(batch, cancellationToken);
                    var first = withMarker ? 1 : 0;
                    for (var i = 0; i < pending.Count && first + (2 * i) < versions.Count; i++)
                    {
                        stored.Add(new StoredReport(ReportRows.Report(roundId, entities[i]), versions[first + (2 * i)]));
                    }

                    pending.Clear();
                }
                catch (TableBatchConflictException conflict) when (conflict.FailedIndex >= 0 && (conflict.FailedIndex - (withMarker ? 1 : 0)) / 2 < pending.Count)
                {
                    var index = conflict.FailedIndex - (withMarker ? 1 : 0);
                    if (index < 0)
                    {
                        return new ReportsSaved([], AlreadyHandled: true);
                    }

                    var lost = pending[index / 2];
                    conflicts.Add(lost.TaskId);
                    pending.Remove(lost);
                }
            }
        }

        return new ReportsSaved(conflicts) { Stored = stored };
    }

    private async Task AppendAsync(string roundId, string subject, string changedBy, string change, CancellationToken cancellationToken) =>
        await history.AddAsync(History(roundId, subject, changedBy, change, reportRow: false), StorageJsonContext.Default.HistoryEntity, cancellationToken);

    /// <summary>A history entry: of a round in the history table; of a report beside the report, in its partition.</summary>
    private HistoryEntity History(string roundId, string subject, string changedBy, string change, bool reportRow)
    {
        var now = time.GetUtcNow();
        var key = now.UtcTicks.ToString("D19", System.Globalization.CultureInfo.InvariantCulture) + "-" + Guid.NewGuid().ToString("N")[..8];
        return new HistoryEntity
        {
            PartitionKey = TableKey.Encode(roundId),
            RowKey = reportRow ? ReportRows.History(key) : key,
            Subject = subject,
            ChangedBy = changedBy,
            At = now,
            Change = change.Length <= 30_000 ? change : change[..30_000],
        };
    }

    private static RoundEntity Entity(ReportingRound round) => new()
    {
        PartitionKey = "round",
        RowKey = TableKey.Encode(round.Id),
        Round = JsonSerializer.Serialize(round, StorageJsonContext.Default.ReportingRound),
    };
}

/// <summary>
/// The rows of a round's partition in the reports table: a report per agency and task ("agency~task"), and beside them
/// the report history and the handled actions, which must share the partition to be written in one batch with the
/// reports. Their keys start with "%~", which <see cref="TableKey.Encode"/> never produces ('~' is no hex digit).
/// </summary>
internal static class ReportRows
{
    private const string Internal = "%~";

    public static string History(string key) => Internal + "h~" + key;

    public static string Handled(string actionId) => Internal + "a~" + TableKey.Encode(actionId);

    /// <summary>
    /// Every report of the round and nothing else: one key range, after the internal rows (agency names begin with a
    /// letter or digit, which sort after '%'), so the service seeks past the history instead of filtering it out.
    /// </summary>
    public static string AllReports(string roundId) =>
        TableClient.CreateQueryFilter($"PartitionKey eq {TableKey.Encode(roundId)} and RowKey gt {Internal + "\uffff"}");

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
