using CoordinationBot.Core.Plans;
using CoordinationBot.Core.Questions;

namespace CoordinationBot.Core.StatusReports;

/// <summary>The plan and period a focal agency's request names ("kế hoạch 21/KH-UBND năm 2026"); the period defaults to the current half or year.</summary>
public static class RoundTarget
{
    public static (StoredPlan Plan, ReportingPeriod Period)? Resolve(PlanCatalog catalog, string planText, string periodText, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        var ranked = PlanFinder.Rank(catalog, planText);
        if (ranked.Count == 0)
        {
            return null;
        }

        var period = ReportingPeriod.Parse(periodText, today) ?? (today.Month <= 6 ? ReportingPeriod.FirstHalf(today.Year) : ReportingPeriod.WholeYear(today.Year));
        return (catalog.Plans[ranked[0].Plan], period);
    }
}
