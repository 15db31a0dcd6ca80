using Azure.Data.Tables;
using System.Text.Json;
using CoordinationBot.Core.StatusReports;
using CoordinationBot.Storage.Tables;

namespace CoordinationBot.Storage.StatusReports;

/// <summary>Rounds, reports (ETag per report) and append-only histories in Azure Tables.</summary>
public sealed partial class TableStatusReportStore(StorageTables service, TimeProvider time) : IStatusReportStore
{
    private readonly EntityTable rounds = service.GetTable("rounds");
    private readonly EntityTable reportTable = service.GetTable("reports");
    private readonly EntityTable history = service.GetTable("history");
    private readonly RecentRounds recentRounds = new();
    private readonly GroupedReportWrites reportWrites = new(service.GetTable("reports"));

    public async Task<ReportingRound?> GetRoundAsync(string roundId, CancellationToken cancellationToken) =>
        (await ReadRoundAsync(roundId, cancellationToken))?.Round;

    public Task<StoredRound?> GetRoundToReportAsync(string roundId, bool recent, CancellationToken cancellationToken) =>
        recent ? recentRounds.GetAsync(roundId, () => ReadRoundAsync(roundId, CancellationToken.None), cancellationToken) : ReadRoundAsync(roundId, cancellationToken);

    public async Task<bool> AddRoundAsync(ReportingRound round, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(round);
        const long first = 1;
        try
        {
            await rounds.AddAsync(Entity(round, first), StorageJsonContext.Default.RoundEntity, cancellationToken);
        }
        catch (TableConflictException)
        {
            return false;
        }

        // Marked open after it exists (a mark of the existing round's first revision would let a copy of that revision
        // through after its close); and unmarked again if the round changed in between. Until marked, a report checked
        // against it fails its batch and is saved after a fresh read.
        await MarkOpenAsync(round, first, cancellationToken);
        if ((await rounds.GetAsync("round", TableKey.Encode(round.Id), StorageJsonContext.Default.RoundEntity, cancellationToken))?.Value.Revision != first)
        {
            await reportTable.DeleteAsync(TableKey.Encode(round.Id), ReportRows.Open(first), etag: null, cancellationToken);
        }

        recentRounds.Set(round.Id, new StoredRound(round, Version(first)));
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

    /// <summary>The filters <see cref="GetAllReportsAsync"/> reads side by side (one when the round has few agencies).</summary>
    public static IReadOnlyList<string> ReadRanges(string roundId, IReadOnlyCollection<string>? expected) => ReportRows.Ranges(roundId, expected);

    public async Task<IReadOnlyList<StatusReport>> GetAllReportsAsync(string roundId, CancellationToken cancellationToken, IReadOnlyCollection<string>? expected = null)
    {
        var ranges = await Task.WhenAll(ReportRows.Ranges(roundId, expected).Select(async range =>
        {
            var list = new List<StatusReport>();
            await foreach (var entry in reportTable.QueryAsync(range, StorageJsonContext.Default.ReportEntity, cancellationToken))
            {
                list.Add(ReportRows.Report(roundId, entry.Value));
            }

            return list;
        }));
        return ranges.Length == 1 ? ranges[0] : [.. ranges.SelectMany(r => r)];
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

    /// <summary>
    /// Stores the round at its next revision, against the revision it replaces (a change made at the same time elsewhere
    /// makes this one start again, so revisions are never reused), then removes the open marks of every revision before
    /// it: a report checked against an earlier version of the round is no longer saved, on any instance.
    /// </summary>
    public async Task SaveRoundAsync(ReportingRound round, string changedBy, string change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(round);
        var key = TableKey.Encode(round.Id);
        for (var attempt = 1; ; attempt++)
        {
            var current = await rounds.GetAsync("round", key, StorageJsonContext.Default.RoundEntity, cancellationToken);
            var revision = (current?.Value.Revision ?? 0) + 1;
            await MarkOpenAsync(round, revision, cancellationToken);
            try
            {
                if (current is null)
                {
                    await rounds.AddAsync(Entity(round, revision), StorageJsonContext.Default.RoundEntity, cancellationToken);
                }
                else
                {
                    await rounds.UpdateAsync(Entity(round, revision), current.ETag, StorageJsonContext.Default.RoundEntity, cancellationToken);
                }
            }
            catch (TableConflictException) when (attempt < MaxRoundWrites)
            {
                continue;
            }

            recentRounds.Set(round.Id, new StoredRound(round, Version(revision)));
            await foreach (var mark in reportTable.QueryAsync(ReportRows.OpenUpTo(round.Id, revision), StorageJsonContext.Default.MarkerEntity, cancellationToken))
            {
                if (round.State != RoundState.Open || !string.Equals(mark.Value.RowKey, ReportRows.Open(revision), StringComparison.Ordinal))
                {
                    await reportTable.DeleteAsync(mark.Value.PartitionKey, mark.Value.RowKey, etag: null, cancellationToken);
                }
            }

            break;
        }

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

    private const int MaxRoundWrites = 5;

    private async Task<StoredRound?> ReadRoundAsync(string roundId, CancellationToken cancellationToken)
    {
        var entry = await rounds.GetAsync("round", TableKey.Encode(roundId), StorageJsonContext.Default.RoundEntity, cancellationToken);
        var round = entry is null ? null : JsonSerializer.Deserialize(entry.Value.Round, StorageJsonContext.Default.ReportingRound);
        var stored = round is null ? null : new StoredRound(round, entry!.Value.Revision is { } revision ? Version(revision) : null);
        recentRounds.Set(roundId, stored);
        return stored;
    }

    /// <summary>A round open at a revision says so by a row in its reports' partition, which a report's batch requires.</summary>
    private async Task MarkOpenAsync(ReportingRound round, long revision, CancellationToken cancellationToken)
    {
        if (round.State == RoundState.Open)
        {
            await reportTable.UpsertAsync(new MarkerEntity { PartitionKey = TableKey.Encode(round.Id), RowKey = ReportRows.Open(revision) }, StorageJsonContext.Default.MarkerEntity, cancellationToken);
        }
    }

    private static string Version(long revision) => revision.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static RoundEntity Entity(ReportingRound round, long revision) => new()
    {
        PartitionKey = "round",
        RowKey = TableKey.Encode(round.Id),
        Round = JsonSerializer.Serialize(round, StorageJsonContext.Default.ReportingRound),
        Revision = revision,
    };
}
