using CoordinationBot.Core.Agencies;

namespace CoordinationBot.Core.StatusReports;

/// <summary>
/// Which of a round's assigned agencies have reported: one rule for the rounds list, reopening, reminders and the
/// overdue digest. An agency has reported when a report is stored under a name that is the same agency today (a
/// merged department's reports count for the department named in the plan, and the other way round; a group kept as one
/// collective has reported when one of its members has).
/// </summary>
public static class RoundProgress
{
    public static IReadOnlyList<string> Missing(IEnumerable<string> assigned, IReadOnlyCollection<string> reported, AgencyRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(assigned);
        ArgumentNullException.ThrowIfNull(reported);
        ArgumentNullException.ThrowIfNull(registry);
        return assigned.Where(a => !reported.Any(r => registry.Covers(a, r))).ToList();
    }

    public static int ReportedCount(IReadOnlyCollection<string> assigned, IReadOnlyCollection<string> reported, AgencyRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(assigned);
        return assigned.Count - Missing(assigned, reported, registry).Count;
    }
}
