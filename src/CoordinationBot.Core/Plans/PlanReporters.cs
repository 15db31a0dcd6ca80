using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using CoordinationBot.Core.Agencies;

namespace CoordinationBot.Core.Plans;

/// <summary>
/// Who reports on a plan and on which of its tasks — one rule for fan-out, status cards, submissions, progress,
/// reminders and consolidation. An agency the plan names reports under the plan's name for it (a merged department's
/// tasks stay under its old name). A group the plan names ("Các sở, ban, ngành") is one assignment in the plan and
/// stands for its members: each member reports its part under its own name; the registry's members are expected,
/// and an agency outside the registry that the group covers reports once its officers are reached. A group whose
/// members the registry does not list ("Ủy ban nhân dân các xã, phường") stays one expected collective, reported
/// when any member has reported.
/// </summary>
public sealed class PlanReporters(AgencyRegistry registry)
{
    /// <summary>What was worked out for a plan, kept while the plan is: each answer is a walk over all its tasks.</summary>
    private readonly ConditionalWeakTable<Plan, PlanAnswers> answers = [];

    /// <summary>Every agency expected to report, once each, in the plan's order: named agencies as named, then group members.</summary>
    public IReadOnlyList<string> Expected(Plan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var expected = new List<string>();
        var members = new List<string>();
        foreach (var name in plan.AssignedAgencies())
        {
            if (GroupOf(name) is not { } group)
            {
                expected.Add(name);
                continue;
            }

            var known = registry.MembersOf(group);
            if (known.Count == 0)
            {
                members.Add(name);
            }

            members.AddRange(known.Select(m => m.Name));
        }

        foreach (var member in members)
        {
            if (!expected.Any(e => registry.SameAgency(e, member)))
            {
                expected.Add(member);
            }
        }

        return expected;
    }

    /// <summary>The names <paramref name="agency"/> reports under: the plan's own names for it, else its own name when a group of the plan covers it.</summary>
    public IReadOnlyList<string> NamesOf(Plan plan, string agency)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(agency);
        var answers = AnswersFor(plan);
        return answers.Names.Get(agency, name =>
        {
            var identity = IdentityOf(name);
            var named = answers.Assigned.Where(a => answers.IsSame(a, name, identity)).ToArray();
            return named.Length > 0 ? named : ReporterAmong(answers.Assigned, name) is { } own ? [own] : [];
        });
    }

    /// <summary>The name <paramref name="agency"/> is reached under among <paramref name="wanted"/>: a wanted name for it, else its own when a wanted group covers it.</summary>
    public string? ReporterAmong(IReadOnlyCollection<string> wanted, string agency)
    {
        ArgumentNullException.ThrowIfNull(wanted);
        ArgumentNullException.ThrowIfNull(agency);
        return wanted.FirstOrDefault(a => registry.SameAgency(a, agency))
            ?? (wanted.Any(a => GroupOf(a) is not null && registry.Covers(a, agency)) ? OwnName(agency) : null);
    }

    /// <summary>The groups the plan names.</summary>
    public IReadOnlyList<string> Groups(Plan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return [.. plan.AssignedAgencies().Where(a => GroupOf(a) is not null)];
    }

    /// <summary>
    /// The tasks <paramref name="reporter"/> (a name from <see cref="Expected"/> or <see cref="NamesOf"/>) reports on,
    /// in document order, with its role: its own assignment, else the role of the group that covers it.
    /// </summary>
    public IReadOnlyList<(PlanTask Task, Role Role)> TasksOf(Plan plan, string reporter)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(reporter);
        var answers = AnswersFor(plan);
        return answers.Tasks.Get(reporter, name =>
        {
            var identity = IdentityOf(name);
            var tasks = new List<(PlanTask, Role)>();
            foreach (var task in plan.Tasks)
            {
                var own = task.Assignments.FirstOrDefault(a => answers.IsSame(a.Agency, name, identity))
                    ?? task.Assignments.FirstOrDefault(a => answers.IsGroup(a.Agency) && registry.Covers(a.Agency, name));
                if (own is not null)
                {
                    tasks.Add((task, own.Role));
                }
            }

            return [.. tasks];
        });
    }

    /// <summary>The reporters of one assignment: the agency itself, or the expected members of the group it names.</summary>
    public IReadOnlyList<string> ReportersOf(Assignment assignment, IReadOnlyList<string> expected)
    {
        ArgumentNullException.ThrowIfNull(assignment);
        ArgumentNullException.ThrowIfNull(expected);
        if (GroupOf(assignment.Agency) is null)
        {
            return [assignment.Agency];
        }

        var covered = expected.Where(e => registry.Covers(assignment.Agency, e)).ToList();
        return covered.Count > 0 ? covered : [assignment.Agency];
    }

    /// <summary>Whether <paramref name="reporter"/> has reported, given the names reports are stored under.</summary>
    public bool HasReported(string reporter, IReadOnlyCollection<string> reported)
    {
        ArgumentNullException.ThrowIfNull(reported);
        return reported.Any(r => registry.Covers(reporter, r));
    }

    private PlanAnswers AnswersFor(Plan plan) =>
        answers.GetValue(plan, p => new PlanAnswers(p.AssignedAgencies(), name => (IdentityOf(name), GroupOf(name) is not null)));

    /// <summary>The agency a name stands for today (its successions followed); null for a name the registry does not know.</summary>
    private string? IdentityOf(string name) => registry.FindExact(name) is { } known ? registry.Current(known).Id : null;

    private Agency? GroupOf(string name) => registry.FindExact(name) is { IsGroup: true } group ? group : null;

    private string OwnName(string agency) => registry.FindExact(agency) is { IsGroup: false } known ? registry.Current(known).Name : agency;
}

/// <summary>
/// A plan's assigned names, each with the agency it stands for today and whether it is a group, and its answers by
/// agency name; names beyond a bound (a name may come from outside) are worked out each time.
/// </summary>
internal sealed class PlanAnswers(IReadOnlyList<string> assigned, Func<string, (string? Identity, bool IsGroup)> resolve)
{
    // Every name a task of the plan assigns is here: the plan's assignments are what Assigned was made of.
    private readonly Dictionary<string, (string? Identity, bool IsGroup)> known = assigned.ToDictionary(a => a, resolve, StringComparer.Ordinal);

    public IReadOnlyList<string> Assigned { get; } = assigned;

    public AnswersByName<IReadOnlyList<string>> Names { get; } = new();

    public AnswersByName<IReadOnlyList<(PlanTask Task, Role Role)>> Tasks { get; } = new();

    /// <summary>Whether the assigned name is the agency <paramref name="name"/> (of <paramref name="identity"/>) today: <see cref="AgencyRegistry.SameAgency"/>.</summary>
    public bool IsSame(string assigned, string name, string? identity) =>
        string.Equals(assigned, name, StringComparison.Ordinal) || (identity is not null && string.Equals(known[assigned].Identity, identity, StringComparison.Ordinal));

    public bool IsGroup(string assigned) => known[assigned].IsGroup;
}

internal sealed class AnswersByName<T>
{
    private const int MaxNames = 4096;
    private readonly ConcurrentDictionary<string, T> byName = new(StringComparer.Ordinal);

    public T Get(string name, Func<string, T> work) =>
        byName.TryGetValue(name, out var known) ? known : byName.Count < MaxNames ? byName.GetOrAdd(name, work) : work(name);
}
