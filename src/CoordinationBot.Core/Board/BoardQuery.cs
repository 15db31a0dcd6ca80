using CoordinationBot.Core.Agencies;
using CoordinationBot.Core.Consolidation;
using CoordinationBot.Core.Plans;
using CoordinationBot.Core.Plans.Import;
using CoordinationBot.Core.StatusReports;

namespace CoordinationBot.Core.Board;

/// <summary>
/// The board's rights, checked on the server for each request: a plan's focal agency (or an administrator) sees all of
/// its rounds; an officer of an agency the plan assigns sees that agency's tasks and reports only; nobody else sees
/// the plan at all. Rounds of another tenant are never listed.
/// </summary>
public sealed class BoardQuery(IStatusReportStore store, IPlanStore plans, ConsolidateHandler consolidate, PlanReporters reporters, AgencyRegistry registry)
{
    /// <summary>The rounds the viewer may open, newest first.</summary>
    public async Task<IReadOnlyList<BoardRound>> ListAsync(BoardViewer viewer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        var visible = new List<BoardRound>();
        var planCache = new Dictionary<(string, int), Plan?>();
        await foreach (var round in store.ListRoundsAsync(cancellationToken))
        {
            if (!round.IsOfTenant(viewer.TenantId))
            {
                continue;
            }

            if (!planCache.TryGetValue((round.PlanKey, round.PlanVersion), out var plan))
            {
                planCache[(round.PlanKey, round.PlanVersion)] = plan = (await plans.GetAsync(round.PlanKey, round.PlanVersion, cancellationToken))?.Plan;
            }

            if (plan is not null && ScopeOf(viewer, plan) is { } scope)
            {
                visible.Add(Describe(round, plan, scope));
            }
        }

        return visible.OrderByDescending(r => r.OpenedAt).ToList();
    }

    /// <summary>One round's board as the viewer may see it, narrowed to <paramref name="agency"/> when the viewer sees all and asks for one.</summary>
    public async Task<BoardAnswer> GetAsync(BoardViewer viewer, string roundId, string? agency, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        var round = await store.GetRoundAsync(roundId, cancellationToken);
        if (round is null || !round.IsOfTenant(viewer.TenantId))
        {
            return BoardAnswer.Refused(BoardRefusal.UnknownRound, roundId);
        }

        var plan = (await plans.GetAsync(round.PlanKey, round.PlanVersion, cancellationToken))?.Plan;
        if (plan is null)
        {
            return BoardAnswer.Refused(BoardRefusal.UnknownRound, roundId);
        }

        if (ScopeOf(viewer, plan) is not { } scope)
        {
            return BoardAnswer.Refused(BoardRefusal.NotAllowed, plan.FocalAgency ?? PlanKind.Label(plan));
        }

        string? narrowed = scope.Agency;
        if (agency is { Length: > 0 })
        {
            var expected = reporters.Expected(plan);
            var named = expected.FirstOrDefault(e => registry.SameAgency(e, agency));
            if (named is null)
            {
                return BoardAnswer.Refused(BoardRefusal.UnknownAgency, agency);
            }

            if (!scope.Whole && !registry.SameAgency(named, scope.Agency!))
            {
                return BoardAnswer.Refused(BoardRefusal.NotAllowed, plan.FocalAgency ?? PlanKind.Label(plan));
            }

            narrowed = named;
        }

        var summary = await consolidate.SummarizeAsync(round, cancellationToken);
        return summary is null
            ? BoardAnswer.Refused(BoardRefusal.UnknownRound, roundId)
            : new BoardAnswer(ProgressBoard.From(summary, Describe(round, plan, scope), narrowed, registry.SameAgency), null, null) { Summary = summary };
    }

    /// <summary>All of the plan for its focal agency or an administrator; the agency's part for an officer the plan assigns; else nothing.</summary>
    public BoardScope? ScopeOf(BoardViewer viewer, Plan plan)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        ArgumentNullException.ThrowIfNull(plan);
        if (PlanRights.MayManage(plan, viewer.Agency, viewer.Administrator, registry))
        {
            return BoardScope.All;
        }

        return viewer.Agency is { } agency && reporters.NamesOf(plan, agency) is [var reporter, ..] ? BoardScope.Of(reporter) : null;
    }

    private static BoardRound Describe(ReportingRound round, Plan plan, BoardScope scope) =>
        new(round.Id, round.PlanKey, PlanKind.Label(plan), plan.Title, round.Period.CommandText, round.Due, round.State == RoundState.Open, round.OpenedAt, scope);
}

/// <summary>Why a board is not shown: the round (or its plan) is not known to this tenant, the viewer has no right to it, or the agency asked for is not in the plan.</summary>
public enum BoardRefusal
{
    UnknownRound,
    NotAllowed,
    UnknownAgency,
}

/// <summary>The board, or why not and the name to say (the round, the plan's focal agency, the agency asked for).</summary>
public sealed record BoardAnswer(ProgressBoard? Board, BoardRefusal? Refusal, string? Named)
{
    /// <summary>The whole consolidation the board was made from (what the round's documents are written from).</summary>
    public ConsolidationSummary? Summary { get; init; }

    public static BoardAnswer Refused(BoardRefusal refusal, string named) => new(null, refusal, named);
}
