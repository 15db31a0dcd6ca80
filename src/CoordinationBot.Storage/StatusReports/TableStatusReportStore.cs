using System.Text.Json;
using CoordinationBot.Core.StatusReports;
using CoordinationBot.Storage.Tables;

namespace CoordinationBot.Storage.StatusReports;

/// <summary>Rounds, reports (ETag per report) and append-only histories in Azure Tables.</summary>
public sealed class TableStatusReportStore(TableServiceClient service, TimeProvider time) : IStatusReportStore
{
    private readonly TableClient rounds = service.GetTableClient("rounds");
    private readonly TableClient reportTable = service.GetTableClient("reports");
    private readonly TableClient history = service.GetTableClient("history");
    private readonly TableClient handled = service.GetTableClient("handledactions");

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
        await foreach (var entry in rounds.QueryAsync(TableFilter.Create($"PartitionKey eq {"round"}"), StorageJsonContext.Default.RoundEntity, cancellationToken))
        {
            var round = JsonSerializer.Deserialize(entry.Value.Round, StorageJsonContext.Default.ReportingRound);
            if (round is { State: RoundState.Open })
            {
                yield return round;
            }
        }
    }

    public async Task<IReadOnlyList<StatusReport>> GetAllReportsAsync(string roundId, CancellationToken cancellationToken)
    {
        var list = new List<StatusReport>();
        await foreach (var entry in reportTable.QueryAsync(TableFilter.Create($"PartitionKey eq {TableKey.Encode(roundId)}"), StorageJsonContext.Default.ReportEntity, cancellationToken))
        {
            var e = entry.Value;
            list.Add(new StatusReport(roundId, e.Agency, e.TaskId, Enum.Parse<ProgressStatus>(e.Status), e.Percent, e.Result ?? string.Empty, e.Difficulties ?? string.Empty, e.Proposals ?? string.Empty, e.SubmittedBy, e.SubmittedAt));
        }

        return list;
    }

    public async Task<IReadOnlyCollection<string>> ReportedAgenciesAsync(string roundId, CancellationToken cancellationToken)
    {
        var agencies = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var entry in reportTable.QueryAsync(TableFilter.Create($"PartitionKey eq {TableKey.Encode(roundId)}"), StorageJsonContext.Default.ReportEntity, cancellationToken))
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
        var prefix = TableKey.Encode(agency) + "~";
        var filter = TableFilter.Create($"PartitionKey eq {TableKey.Encode(roundId)} and RowKey ge {prefix} and RowKey lt {prefix + "\uffff"}");
        var found = new List<StoredReport>();
        await foreach (var entry in reportTable.QueryAsync(filter, StorageJsonContext.Default.ReportEntity, cancellationToken))
        {
            var e = entry.Value;
            var report = new StatusReport(roundId, e.Agency, e.TaskId, Enum.Parse<ProgressStatus>(e.Status), e.Percent, e.Result ?? string.Empty, e.Difficulties ?? string.Empty, e.Proposals ?? string.Empty, e.SubmittedBy, e.SubmittedAt);
            found.Add(new StoredReport(report, entry.ETag));
        }

        return found;
    }

    public async Task<IReadOnlyList<string>> SaveReportsAsync(IReadOnlyList<StatusReport> reports, IReadOnlyDictionary<string, string?> expected, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reports);
        ArgumentNullException.ThrowIfNull(expected);
        var conflicts = new List<string>();
        foreach (var report in reports)
        {
            var entity = new ReportEntity
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
                SubmittedBy = report.SubmittedBy,
                SubmittedAt = report.SubmittedAt,
            };
            try
            {
                if (expected.GetValueOrDefault(report.TaskId) is { } etag)
                {
                    await reportTable.UpdateAsync(entity, etag, StorageJsonContext.Default.ReportEntity, cancellationToken);
                }
                else
                {
                    await reportTable.AddAsync(entity, StorageJsonContext.Default.ReportEntity, cancellationToken);
                }
            }
            catch (TableConflictException)
            {
                conflicts.Add(report.TaskId);
                continue;
            }

            await AppendAsync(report.RoundId, report.Agency + "~" + report.TaskId, report.SubmittedBy, JsonSerializer.Serialize(report, StorageJsonContext.Default.StatusReport), cancellationToken);
        }

        return conflicts;
    }

    public async Task<bool> WasHandledAsync(string roundId, string actionId, CancellationToken cancellationToken) =>
        await handled.GetAsync(TableKey.Encode(roundId), TableKey.Encode(actionId), StorageJsonContext.Default.HandledActionEntity, cancellationToken) is not null;

    public Task MarkHandledAsync(string roundId, string actionId, CancellationToken cancellationToken) =>
        handled.UpsertAsync(new HandledActionEntity { PartitionKey = TableKey.Encode(roundId), RowKey = TableKey.Encode(actionId) }, StorageJsonContext.Default.HandledActionEntity, cancellationToken);

    private async Task AppendAsync(string roundId, string subject, string changedBy, string change, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var entry = new HistoryEntity
        {
            PartitionKey = TableKey.Encode(roundId),
            RowKey = now.UtcTicks.ToString("D19", System.Globalization.CultureInfo.InvariantCulture) + "-" + Guid.NewGuid().ToString("N")[..8],
            Subject = subject,
            ChangedBy = changedBy,
            At = now,
            Change = change.Length <= 30_000 ? change : change[..30_000],
        };
        await history.AddAsync(entry, StorageJsonContext.Default.HistoryEntity, cancellationToken);
    }

    private static RoundEntity Entity(ReportingRound round) => new()
    {
        PartitionKey = "round",
        RowKey = TableKey.Encode(round.Id),
        Round = JsonSerializer.Serialize(round, StorageJsonContext.Default.ReportingRound),
    };
}
