using CoordinationBot.Core.Text;

namespace CoordinationBot.Core.Plans.Corrections;

/// <summary>Applies a plan's corrections, in order, to one version as read. A correction of a task this version does not have is left out.</summary>
public static class PlanCorrections
{
    public static Plan Apply(Plan plan, IReadOnlyList<PlanCorrection> corrections, Func<string, bool> isKnownAgency)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(corrections);
        ArgumentNullException.ThrowIfNull(isKnownAgency);
        if (corrections.Count == 0)
        {
            return plan;
        }

        var tasks = plan.Tasks.ToList();
        var removed = new HashSet<string>(StringComparer.Ordinal);
        var added = new List<string>();
        foreach (var correction in corrections.OrderBy(c => c.Sequence))
        {
            var index = tasks.FindIndex(t => string.Equals(t.Id, correction.TaskId, StringComparison.Ordinal));
            if (index < 0)
            {
                continue;
            }

            var change = correction.Change;
            tasks[index] = Changed(tasks[index], change);
            added.AddRange(tasks[index].Assignments.Where(a => a.Source == AssignmentSource.Corrected).Select(a => a.Agency));
            if (change.NotATask == true)
            {
                removed.Add(correction.TaskId);
            }
            else if (change.NotATask == false)
            {
                removed.Remove(correction.TaskId);
            }
        }

        var review = plan.AgenciesToReview
            .Concat(added.Where(a => !isKnownAgency(a)))
            .Distinct(StringComparer.Ordinal)
            .ToList();
        return plan with { Tasks = [.. tasks.Where(t => !removed.Contains(t.Id))], AgenciesToReview = review };
    }

    /// <summary>The ids of the corrected tasks that a version does not have (corrections not carried to it).</summary>
    public static IReadOnlyList<string> NotCarried(Plan plan, IReadOnlyList<PlanCorrection> corrections)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(corrections);
        var ids = plan.Tasks.Select(t => t.Id).ToHashSet(StringComparer.Ordinal);
        return [.. corrections.Select(c => c.TaskId).Where(id => !ids.Contains(id)).Distinct(StringComparer.Ordinal)];
    }

    private static PlanTask Changed(PlanTask task, TaskChange change)
    {
        var assignments = task.Assignments.ToList();
        if (change.Lead is { } lead)
        {
            assignments = Replace(assignments, Role.Lead, lead);
        }

        if (change.Supports is { } supports)
        {
            assignments = Replace(assignments, Role.Support, supports);
        }

        var changed = task with { Assignments = assignments };
        return change.Due is { } due
            ? changed with { Due = due, DueText = due.ToVietnameseDate() }
            : changed;
    }

    private static List<Assignment> Replace(List<Assignment> assignments, Role role, IReadOnlyList<string> agencies)
    {
        var kept = assignments.Where(a => a.Role != role).ToList();
        var others = kept.Select(a => a.Agency).ToHashSet(StringComparer.Ordinal);
        var fresh = agencies.Where(a => !others.Contains(a)).Distinct(StringComparer.Ordinal)
            .Select(agency => assignments.FirstOrDefault(a => a.Role == role && a.Agency == agency) ?? new Assignment(agency, role, AssignmentSource.Corrected, Why: "corrected by the focal agency"));
        return role == Role.Lead ? [.. fresh, .. kept] : [.. kept, .. fresh];
    }
}
