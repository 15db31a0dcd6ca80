using System.Text.Json;
using CoordinationBot.Core.StatusReports;
using CoordinationBot.Storage.Tables;

namespace CoordinationBot.Storage.StatusReports;

/// <summary>
/// Reports saved with their history and the handled action, each against the version the card showed, in batches that
/// submissions of the same round arriving together share (<see cref="GroupedReportWrites"/>).
/// </summary>
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
            // The handled mark goes in the last batch, and only while nothing conflicted: an action whose reports were
            // not all saved stays unhandled. Each batch requires the round's open mark of the version the reports were
            // checked against: a round changed since fails on it.
            var marked = c == chunks.Count - 1 && conflicts.Count == 0 ? marker : null;
            var changes = chunks[c].Select(r => new ReportPart.Change(ReportRows.Entity(r), expected.GetValueOrDefault(r.TaskId), History(roundId, r.Agency + "~" + r.TaskId, r.SubmittedBy, JsonSerializer.Serialize(r, StorageJsonContext.Default.StatusReport), reportRow: true)));
            var saved = await reportWrites.SaveAsync(new ReportPart(roundId, marked, open, [.. changes]), cancellationToken);
            if (saved.AlreadyHandled)
            {
                return saved;
            }

            conflicts.AddRange(saved.Conflicts);
            stored.AddRange(saved.Stored);
            if (saved.RoundChanged)
            {
                return new ReportsSaved(conflicts) { Stored = stored, RoundChanged = true };
            }
        }

        return new ReportsSaved(conflicts) { Stored = stored };
    }
}
