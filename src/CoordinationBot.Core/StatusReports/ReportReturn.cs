namespace CoordinationBot.Core.StatusReports;

/// <summary>
/// The focal agency sends an agency's report of a round back for revision ("Yêu cầu bổ sung: …"). Returns are only
/// added; a return is outstanding until the agency sends a report after it.
/// </summary>
public sealed record ReportReturn(string RoundId, string Agency, string Comment, string ReturnedBy, string? ReturnedByName, string? ReturnedByAgency, DateTimeOffset At)
{
    /// <summary>Each agency's latest return that no report of the agency has followed yet.</summary>
    public static IReadOnlyList<ReportReturn> Outstanding(IEnumerable<ReportReturn> returns, IEnumerable<StatusReport> reports)
    {
        ArgumentNullException.ThrowIfNull(returns);
        ArgumentNullException.ThrowIfNull(reports);
        var lastSent = reports.GroupBy(r => r.Agency, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Max(r => r.SubmittedAt), StringComparer.Ordinal);
        return [.. returns
            .GroupBy(r => r.Agency, StringComparer.Ordinal)
            .Select(g => g.MaxBy(r => r.At)!)
            .Where(r => !lastSent.TryGetValue(r.Agency, out var sent) || sent <= r.At)
            .OrderBy(r => r.Agency, StringComparer.Ordinal)];
    }
}

/// <summary>Port: the returns of a round's reports (append-only).</summary>
public interface IReportReturnStore
{
    Task AddAsync(ReportReturn reportReturn, CancellationToken cancellationToken);

    /// <summary>Every return of the round, oldest first.</summary>
    Task<IReadOnlyList<ReportReturn>> ListAsync(string roundId, CancellationToken cancellationToken);

    /// <summary>The returns of one agency's report in the round, oldest first.</summary>
    Task<IReadOnlyList<ReportReturn>> ListAsync(string roundId, string agency, CancellationToken cancellationToken);
}
