namespace CoordinationBot.Core.StatusReports;

/// <summary>Port: rounds, reports (with optimistic concurrency) and their append-only history.</summary>
public interface IStatusReportStore
{
    Task<ReportingRound?> GetRoundAsync(string roundId, CancellationToken cancellationToken);

    /// <summary>
    /// The round with its version, for saving reports against it. With <paramref name="recent"/> the store may answer
    /// with what it read a moment ago: <see cref="SaveReportsAsync"/> refuses a version the round no longer has, so such a
    /// copy is never trusted past the write.
    /// </summary>
    Task<StoredRound?> GetRoundToReportAsync(string roundId, bool recent, CancellationToken cancellationToken);

    /// <summary>Creates the round; false when a round with this id already exists.</summary>
    Task<bool> AddRoundAsync(ReportingRound round, CancellationToken cancellationToken);

    /// <summary>Every round that is open.</summary>
    IAsyncEnumerable<ReportingRound> ListOpenRoundsAsync(CancellationToken cancellationToken);

    /// <summary>Every round, open or closed.</summary>
    IAsyncEnumerable<ReportingRound> ListRoundsAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Every report of the round (what consolidation reads: one partition), ordered by agency. With
    /// <paramref name="expected"/> (the agencies expected to report) the store may read ranges of it side by side;
    /// reports of other agencies are read all the same.
    /// </summary>
    Task<IReadOnlyList<StatusReport>> GetAllReportsAsync(string roundId, CancellationToken cancellationToken, IReadOnlyCollection<string>? expected = null);

    /// <summary>Every agency's report on these tasks in the round (what a lead's card shows of its supports' parts).</summary>
    Task<IReadOnlyList<StatusReport>> GetReportsOfTasksAsync(string roundId, IReadOnlyCollection<string> taskIds, CancellationToken cancellationToken);

    /// <summary>The agencies that saved at least one report in the round.</summary>
    Task<IReadOnlyCollection<string>> ReportedAgenciesAsync(string roundId, CancellationToken cancellationToken);

    Task SaveRoundAsync(ReportingRound round, string changedBy, string change, CancellationToken cancellationToken);

    Task<IReadOnlyList<StoredReport>> GetReportsAsync(string roundId, string agency, CancellationToken cancellationToken);

    /// <summary>
    /// Saves the agency's reports of one submission, each only if it is still as it was when the card was shown
    /// (<paramref name="expected"/>: the ETag per task, null when there was no report yet), each with its history entry.
    /// The tasks whose report changed meanwhile are not saved and are returned. With an <paramref name="actionId"/>
    /// (Teams may deliver an invoke twice) the action is recorded as handled together with the reports when all of them
    /// are saved, and an action already handled saves nothing. With a <paramref name="roundVersion"/> nothing is saved
    /// unless the round is still at that version and open (<see cref="ReportsSaved.RoundChanged"/> otherwise).
    /// </summary>
    Task<ReportsSaved> SaveReportsAsync(IReadOnlyList<StatusReport> reports, IReadOnlyDictionary<string, string?> expected, string? actionId, string? roundVersion, CancellationToken cancellationToken);
}

/// <summary>What saving a submission did: the tasks not saved because their report changed, or that the action was handled before.</summary>
public sealed record ReportsSaved(IReadOnlyList<string> Conflicts, bool AlreadyHandled = false)
{
    public static ReportsSaved All { get; } = new([]);

    /// <summary>The reports saved, as a read would now return them, with their new versions.</summary>
    public IReadOnlyList<StoredReport> Stored { get; init; } = [];

    /// <summary>Nothing was saved: the round is no longer at the version the reports were checked against.</summary>
    public bool RoundChanged { get; init; }
}
