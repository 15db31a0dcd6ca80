using CoordinationBot.Core.StatusReports;

namespace CoordinationBot.Storage.StatusReports;

/// <summary>
/// One batch's worth of one submission: its reports, each with its history entry, the action's handled mark and the
/// round's open mark it was checked against; and what the storage has said of it so far. A report refused for a
/// version the card did not show is dropped, and with it the handled mark, so the action stays unhandled.
/// </summary>
internal sealed class ReportPart(string roundId, MarkerEntity? marker, string? openRow, List<ReportPart.Change> reports)
{
    /// <summary>A report, the version its card showed (none: a first report), and its history entry.</summary>
    internal sealed record Change(ReportEntity Entity, string? ETag, HistoryEntity History);

    private readonly TaskCompletionSource<ReportsSaved> outcome = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public string RoundId => roundId;

    public MarkerEntity? Marker { get; private set; } = marker;

    /// <summary>The open mark of the round's version the reports were checked against (none: not checked).</summary>
    public string? OpenRow => openRow;

    public IReadOnlyList<Change> Reports => reports;

    public List<string> Conflicts { get; } = [];

    public List<StoredReport> Stored { get; } = [];

    /// <summary>After a batch failed in a way the storage did not pin on one change: this part goes in a batch of its own, so its failure is its own.</summary>
    public bool Alone { get; set; }

    public Task<ReportsSaved> Outcome => outcome.Task;

    /// <summary>The changes it adds to a batch, besides the open mark (which parts of one version share).</summary>
    public int Changes => (Marker is null ? 0 : 1) + (2 * reports.Count);

    /// <summary>About how much text it carries (a batch's payload is limited).</summary>
    public int Text => reports.Sum(r => r.History.Change.Length + (r.Entity.Result?.Length ?? 0) + (r.Entity.Difficulties?.Length ?? 0) + (r.Entity.Proposals?.Length ?? 0) + (r.Entity.Evidence?.Length ?? 0) + 400);

    /// <summary>The rows it writes that another part may write too (history rows are its own): one batch may not hold a row twice.</summary>
    public IEnumerable<string> SharedRows => reports.Select(r => r.Entity.RowKey).Concat(Marker is null ? [] : [Marker.RowKey]);

    /// <summary>The report at <paramref name="index"/> was refused: it is dropped with the handled mark. False when nothing is left to send.</summary>
    public bool Refuse(int index)
    {
        Conflicts.Add(reports[index].Entity.TaskId);
        reports.RemoveAt(index);
        Marker = null;
        return reports.Count > 0;
    }

    public void Saved() => outcome.TrySetResult(new ReportsSaved(Conflicts) { Stored = Stored });

    public void AlreadyHandled() => outcome.TrySetResult(new ReportsSaved([], AlreadyHandled: true));

    public void RoundChanged() => outcome.TrySetResult(new ReportsSaved(Conflicts) { Stored = Stored, RoundChanged = true });

    public void Failed(Exception failure) => outcome.TrySetException(failure);
}
