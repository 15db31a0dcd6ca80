using CoordinationBot.Core.Plans;

namespace CoordinationBot.Core.Questions;

/// <summary>The stored plans as questions see them: every task with its plan, and search indexes over tasks and plans.</summary>
public sealed class PlanCatalog
{
    public PlanCatalog(IReadOnlyList<StoredPlan> plans)
    {
        ArgumentNullException.ThrowIfNull(plans);
        Plans = plans;
        Tasks = plans
            .SelectMany((stored, p) => stored.Plan.Tasks.Select(task => (Plan: p, Task: task)))
            .Select((entry, position) => new CatalogTask(entry.Plan, entry.Task, position))
            .ToList();
        var names = new Dictionary<string, int>(StringComparer.Ordinal);
        assignmentNames = Tasks.Select(t => t.Task.Assignments.Select(a => names.TryGetValue(a.Agency, out var id) ? id : names[a.Agency] = names.Count).ToArray()).ToArray();
        AgencyNames = [.. names.OrderBy(n => n.Value).Select(n => n.Key)];
        TaskIndex = new Bm25Index(Tasks.Select(t => t.Task.Text + " " + t.Task.SectionTitle).ToList());
        PlanIndex = new Bm25Index(plans.Select(p => $"{p.Plan.Title} {p.Plan.Number} {p.Plan.Issuer} {p.Plan.Year}").ToList());
    }

    public static PlanCatalog Empty { get; } = new([]);

    public IReadOnlyList<StoredPlan> Plans { get; }

    public IReadOnlyList<CatalogTask> Tasks { get; }

    public Bm25Index TaskIndex { get; }

    public Bm25Index PlanIndex { get; }

    /// <summary>Every agency name the tasks are assigned to, once: a question decides about each name once, not per task.</summary>
    public IReadOnlyList<string> AgencyNames { get; }

    /// <summary>The number in <see cref="AgencyNames"/> of each assignment of the task at a position, in the assignments' order.</summary>
    public IReadOnlyList<int> NamesOf(int position) => assignmentNames[position];

    private readonly int[][] assignmentNames;
}

/// <summary>A task, the index of its plan in <see cref="PlanCatalog.Plans"/>, and its own position (its number in the task index).</summary>
public sealed record CatalogTask(int Plan, PlanTask Task, int Position);
