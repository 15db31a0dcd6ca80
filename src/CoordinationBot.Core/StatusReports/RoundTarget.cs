using CoordinationBot.Core.Plans;
using CoordinationBot.Core.Questions;

namespace CoordinationBot.Core.StatusReports;

/// <summary>The plan and period a focal agency's request names ("kế hoạch 21/KH-UBND năm 2026"); the period defaults to the current half or year.</summary>
public static class RoundTarget
{
    /// <param name="catalog">The plans.</param>
    /// <param name="planText">The words that name the plan (unless <paramref name="planKey"/> does).</param>
    /// <param name="periodText">The words that name the period (unless <paramref name="period"/> is given, as a form gives it).</param>
    /// <param name="today">Today, for the default period.</param>
    /// <param name="planKey">The plan when it is known.</param>
    /// <param name="period">The period when it is known.</param>
    public static (StoredPlan Plan, ReportingPeriod Period)? Resolve(PlanCatalog catalog, string planText, string periodText, DateOnly today, string? planKey = null, ReportingPeriod? period = null)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        StoredPlan? plan;
        if (planKey is not null)
        {
            plan = catalog.Plans.FirstOrDefault(p => p.Key == planKey);
        }
        else
        {
            // Never a guess: an unknown or ambiguous reference names no plan (the caller says which and offers the closest).
            var match = PlanFinder.Find(catalog, planText);
            plan = match.Kind == PlanMatchKind.Found ? match.Plan : null;
        }

        if (plan is null)
        {
            return null;
        }

        period ??= ReportingPeriod.Parse(periodText, today) ?? (today.Month <= 6 ? ReportingPeriod.FirstHalf(today.Year) : ReportingPeriod.WholeYear(today.Year));
        return (plan, period);
    }

    /// <summary>The round already opened for the plan and period the words name; the problem when there is none.</summary>
    public static async Task<(ReportingRound? Round, ChangeRoundProblem Problem)> FindOpenedAsync(IStatusReportStore store, PlanCatalog catalog, string planText, string periodText, DateOnly today, CancellationToken cancellationToken, string? planKey = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        if (Resolve(catalog, planText, periodText, today, planKey) is not { } target)
        {
            return (null, ChangeRoundProblem.PlanNotFound);
        }

        var round = await store.GetRoundAsync(ReportingRound.IdFor(target.Plan.Key, target.Period), cancellationToken);
        return round is null ? (null, ChangeRoundProblem.RoundNotFound) : (round, ChangeRoundProblem.None);
    }
}
