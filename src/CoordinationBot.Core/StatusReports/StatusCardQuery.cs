using CoordinationBot.Core.Plans;
using CoordinationBot.Core.Plans.Import;
using CoordinationBot.Core.Text;

namespace CoordinationBot.Core.StatusReports;

/// <summary>
/// What an agency's status card shows for a round — its tasks in the round's plan and its role in each, what it saved, a
/// return or a draft outstanding, the supports' parts in a chain round — for the delivery, the submission and the refresh alike.
/// </summary>
public sealed class StatusCardQuery(IStatusReportStore store, IReportReturnStore returns, IStatusDraftStore drafts, IPlanStore plans, PlanReporters reporters, ReportingChain chain, TimeProvider time)
{
    public async Task<StatusCardData?> LoadAsync(string roundId, string agency, string? note, bool warning, CancellationToken cancellationToken)
    {
        var round = await store.GetRoundAsync(roundId, cancellationToken);
        return round is null ? null : await LoadAsync(round, agency, note, warning, cancellationToken);
    }

    /// <summary>
    /// The card of a round just read (a submission's), so it is not read again. <paramref name="justSaved"/>: the agency's
    /// reports saved a moment ago, so no return or draft of it is outstanding and neither is read; when they are of
    /// every task of the card, the reports are not read again either.
    /// </summary>
    public async Task<StatusCardData?> LoadAsync(ReportingRound round, string agency, string? note, bool warning, CancellationToken cancellationToken, IReadOnlyList<StoredReport>? justSaved = null)
    {
        ArgumentNullException.ThrowIfNull(round);
        var roundId = round.Id;
        var stored = await plans.GetAsync(round.PlanKey, round.PlanVersion, cancellationToken);
        if (stored is null)
        {
            return null;
        }

        var tasks = reporters.TasksOf(stored.Plan, agency).ToList();
        var fresh = justSaved?.Where(s => s.Report.Agency == agency).ToDictionary(r => r.Report.TaskId, StringComparer.Ordinal);
        var saved = fresh is not null && tasks.All(t => fresh.ContainsKey(t.Task.Id))
            ? fresh
            : (await store.GetReportsAsync(roundId, agency, cancellationToken)).ToDictionary(r => r.Report.TaskId, StringComparer.Ordinal);
        var today = time.Today();
        var label = $"{stored.Plan.Kind} {stored.Plan.Number ?? VietnameseText.Shorten(stored.Plan.Title, 80)}";
        var outstanding = justSaved is not null ? [] : ReportReturn.Outstanding(await returns.ListAsync(roundId, agency, cancellationToken), saved.Values.Select(s => s.Report));
        var returned = outstanding.Count > 0 ? outstanding[0] : null;
        var parts = await chain.ForLeadAsync(round, stored.Plan, agency, cancellationToken);
        // A draft kept since the last report fills the inputs (the agency's own officers only ever load this card).
        var draft = justSaved is not null ? null : (await drafts.GetAsync(roundId, agency, cancellationToken))?.UnlessSentAfter(saved.Values.Select(s => s.Report));
        return new StatusCardData(round, label, agency, tasks, saved, round.AcceptsReports(today), note, warning, returned, parts, draft?.Entries.ToDictionary(e => e.TaskId, StringComparer.Ordinal), draft);
    }
}
