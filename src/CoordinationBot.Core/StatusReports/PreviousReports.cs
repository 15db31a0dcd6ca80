namespace CoordinationBot.Core.StatusReports;

/// <summary>"Lấy nội dung kỳ trước": the agency's reports on the same tasks in the latest earlier round of the same plan.</summary>
public sealed class PreviousReports(IStatusReportStore store)
{
    private const int RoundsLookedAt = 5;

    /// <returns>The earlier round and the agency's reports in it on these tasks; null when no earlier round has any.</returns>
    public async Task<(ReportingRound Round, IReadOnlyList<StatusReport> Reports)?> FindAsync(ReportingRound round, string agency, IReadOnlyCollection<string> taskIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(round);
        ArgumentNullException.ThrowIfNull(taskIds);
        var earlier = await store.ListRoundsAsync(cancellationToken)
            .Where(r => r.PlanKey == round.PlanKey && r.Id != round.Id && r.OpenedAt < round.OpenedAt)
            .OrderByDescending(r => r.OpenedAt)
            .Take(RoundsLookedAt)
            .ToListAsync(cancellationToken);
        foreach (var previous in earlier)
        {
            var reports = (await store.GetReportsAsync(previous.Id, agency, cancellationToken)).Select(s => s.Report).Where(r => taskIds.Contains(r.TaskId)).ToList();
            if (reports.Count > 0)
            {
                return (previous, reports);
            }
        }

        return null;
    }
}
