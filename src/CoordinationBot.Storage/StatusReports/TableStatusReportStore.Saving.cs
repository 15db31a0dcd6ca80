using System.Text.Json;
using CoordinationBot.Core.StatusReports;
using CoordinationBot.Storage.Tables;

namespace CoordinationBot.Storage.StatusReports;

/// <summary>Reports saved in one batch per round with their history and the handled action, each against the version the card showed.</summary>
public sealed partial class TableStatusReportStore
{
    public async Task<ReportsSaved> SaveReportsAsync(IReadOnlyList<StatusReport> reports, IReadOnlyDictionary<string, string?> expected, string? actionId, string? roundVersion, CancellationToken cancellationToken)
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
        var open = roundVersion is null ? null : ReportRows.Open(long.Parse(roundVersion, System.Globalization.CultureInfo.InvariantCulture));
        var marker = actionId is null ? null : new MarkerEntity { PartitionKey = TableKey.Encode(roundId), RowKey = ReportRows.Handled(actionId) };
        if (marker is not null && chunks.Count > 1 && await reportTable.GetAsync(marker.PartitionKey, marker.RowKey, StorageJsonContext.Default.MarkerEntity, cancellationToken) is not null)
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
                // Then the round's open mark of the version the reports were checked against: a round changed since fails on it.
                var withMarker = marker is not null && c == chunks.Count - 1 && conflicts.Count == 0;
                var batch = new TableBatch();
                if (withMarker)
                {
                    batch.Add(marker!, StorageJsonContext.Default.MarkerEntity);
                }

                if (open is not null)
                {
                    batch.RequireExisting(TableKey.Encode(roundId), open);
                }

                var first = batch.Count;

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
                    for (var i = 0; i < pending.Count && first + (2 * i) < versions.Count; i++)
                    {
                        stored.Add(new StoredReport(ReportRows.Report(roundId, entities[i]), versions[first + (2 * i)]));
                    }

                    pending.Clear();
                }
                catch (TableBatchConflictException conflict) when (conflict.FailedIndex >= 0 && (conflict.FailedIndex - first) / 2 < pending.Count)
                {
                    var index = conflict.FailedIndex - first;
                    if (index < 0)
                    {
                        return withMarker && conflict.FailedIndex == 0 ? new ReportsSaved([], AlreadyHandled: true) : new ReportsSaved(conflicts) { Stored = stored, RoundChanged = true };
                    }

                    var lost = pending[index / 2];
                    conflicts.Add(lost.TaskId);
                    pending.Remove(lost);
                }
            }
        }

        return new ReportsSaved(conflicts) { Stored = stored };
    }
}
