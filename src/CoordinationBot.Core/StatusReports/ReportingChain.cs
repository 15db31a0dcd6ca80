using CoordinationBot.Core.Agencies;
using CoordinationBot.Core.Plans;

namespace CoordinationBot.Core.StatusReports;

/// <summary>
/// The lead and support chain of a round in which supporting agencies give their part to the lead (chủ trì): for each
/// task an agency leads, the supports' parts given so far and the supports still missing; for a support's part, the
/// leads it goes to.
/// </summary>
public sealed class ReportingChain(IStatusReportStore store, PlanReporters reporters, AgencyRegistry registry)
{
    private static readonly IReadOnlyDictionary<string, TaskContributions> None = new Dictionary<string, TaskContributions>();

    /// <summary>The supports' parts of each task the agency leads (one query for all of them); empty outside a chain round.</summary>
    public async Task<IReadOnlyDictionary<string, TaskContributions>> ForLeadAsync(ReportingRound round, Plan plan, string lead, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(round);
        ArgumentNullException.ThrowIfNull(plan);
        if (!round.IsChain)
        {
            return None;
        }

        var supportsOf = SupportsOf(plan, lead);
        if (supportsOf.Count == 0)
        {
            return None;
        }

        var reports = await store.GetReportsOfTasksAsync(round.Id, [.. supportsOf.Keys], cancellationToken);
        return supportsOf.ToDictionary(
            pair => pair.Key,
            pair =>
            {
                var given = reports.Where(r => r.TaskId == pair.Key && pair.Value.Any(s => registry.SameAgency(s, r.Agency))).OrderBy(r => r.SubmittedAt).ToList();
                return new TaskContributions(pair.Key, given, [.. pair.Value.Where(s => !given.Any(g => registry.SameAgency(s, g.Agency)))]);
            },
            StringComparer.Ordinal);
    }

    /// <summary>The lead agencies a support's part on these tasks goes to, each with its tasks.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> LeadsFor(Plan plan, string support, IEnumerable<string> taskIds)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var expected = reporters.Expected(plan);
        var supported = reporters.TasksOf(plan, support).Where(t => t.Role == Role.Support).Select(t => t.Task).Where(t => taskIds.Contains(t.Id, StringComparer.Ordinal));
        return supported
            .SelectMany(task => Others(task, Role.Lead, expected, support).Select(lead => (Lead: lead, task.Id)))
            .GroupBy(x => x.Lead, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<string>)[.. g.Select(x => x.Id).Distinct(StringComparer.Ordinal)], StringComparer.Ordinal);
    }

    /// <summary>For each task the agency leads that has supports, who supports it.</summary>
    private Dictionary<string, List<string>> SupportsOf(Plan plan, string lead)
    {
        var expected = reporters.Expected(plan);
        return reporters.TasksOf(plan, lead)
            .Where(t => t.Role == Role.Lead)
            .Select(t => (t.Task.Id, Supports: Others(t.Task, Role.Support, expected, lead).Distinct(StringComparer.Ordinal).ToList()))
            .Where(t => t.Supports.Count > 0)
            .ToDictionary(t => t.Id, t => t.Supports, StringComparer.Ordinal);
    }

    /// <summary>The reporters of the task's assignments in <paramref name="role"/>, other than <paramref name="agency"/> itself.</summary>
    private IEnumerable<string> Others(PlanTask task, Role role, IReadOnlyList<string> expected, string agency) =>
        task.Assignments.Where(a => a.Role == role).SelectMany(a => reporters.ReportersOf(a, expected)).Where(r => !registry.SameAgency(r, agency));
}

/// <summary>One task's supports' parts given to its lead, oldest first, and the supports that have not given theirs.</summary>
public sealed record TaskContributions(string TaskId, IReadOnlyList<StatusReport> Given, IReadOnlyList<string> Missing);
