namespace CoordinationBot.Core.StatusReports;

/// <summary>Port: rounds, reports (with optimistic concurrency) and their append-only history.</summary>
public interface IStatusReportStore
{
    Task<ReportingRound?> GetRoundAsync(string roundId, CancellationToken cancellationToken);

    /// <summary>Creates the round; false when a round with this id already exists.</summary>
    Task<bool> AddRoundAsync(ReportingRound round, CancellationToken cancellationToken);

    /// <summary>Every round that is open.</summary>
    IAsyncEnumerable<ReportingRound> ListOpenRoundsAsync(CancellationToken cancellationToken);

    /// <summary>Every report of the round (what consolidation reads: one partition).</summary>
    Task<IReadOnlyList<StatusReport>> GetAllReportsAsync(string roundId, CancellationToken cancellationToken);

    /// <summary>The agencies that saved at least one report in the round.</summary>
    Task<IReadOnlyCollection<string>> ReportedAgenciesAsync(string roundId, CancellationToken cancellationToken);

    Task SaveRoundAsync(ReportingRound round, string changedBy, string change, CancellationToken cancellationToken);

    Task<IReadOnlyList<StoredReport>> GetReportsAsync(string roundId, string agency, CancellationToken cancellationToken);

    /// <summary>
    /// Saves the agency's reports of one submission, each only if it is still as it was when the card was shown
    /// (<paramref name="expected"/>: the ETag per task, null when there was no report yet), appending each change to the
    /// history. Returns the tasks whose report changed meanwhile: those are not saved.
    /// </summary>
    Task<IReadOnlyList<string>> SaveReportsAsync(IReadOnlyList<StatusReport> reports, IReadOnlyDictionary<string, string?> expected, CancellationToken cancellationToken);

    /// <summary>Whether an action id was handled (its reports are stored): Teams may deliver an invoke twice.</summary>
    Task<bool> WasHandledAsync(string roundId, string actionId, CancellationToken cancellationToken);

    /// <summary>Records that an action id was handled, once what it asked for is stored.</summary>
    Task MarkHandledAsync(string roundId, string actionId, CancellationToken cancellationToken);
}
