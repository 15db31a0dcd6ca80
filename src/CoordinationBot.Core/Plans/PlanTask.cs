namespace CoordinationBot.Core.Plans;

/// <summary>
/// One task (nhiệm vụ) of a plan. <see cref="Id"/> follows the document's numbering ("IV.3.a"). A task with no
/// assignments whose section says so has them in an attached table (<see cref="AssignedInAttachment"/>). A task that
/// came with an assignment table sent on its own names that table (<see cref="Attachment"/>), so the table sent again
/// replaces its own rows, and only those.
/// </summary>
public sealed record PlanTask(
    string Id,
    string SectionTitle,
    string Text,
    DateOnly? Due,
    string? DueText,
    IReadOnlyList<Assignment> Assignments,
    bool AssignedInAttachment = false,
    string? Attachment = null)
{
    /// <summary>The lead agencies as the plan names them (a group such as "Các sở, ban, ngành" stays one name).</summary>
    public IEnumerable<string> LeadAgencies() => AgenciesAs(Role.Lead);

    /// <summary>The agencies given the task in <paramref name="role"/>, as written, in the plan's order.</summary>
    public IEnumerable<string> AgenciesAs(Role role) => Assignments.Where(a => a.Role == role).Select(a => a.Agency);
}

/// <summary>An agency's part in a task; <c>Why</c>: how the reading found it, the rule and the words it read (for <c>plans extract --explain</c>; not stored).</summary>
public sealed record Assignment(string Agency, Role Role, AssignmentSource Source, bool Requested = false, [property: System.Text.Json.Serialization.JsonIgnore] string? Why = null);

public enum Role
{
    Lead,
    Support,
}

/// <summary>Where the assignment was read: the agency heading above the task, a name inside its text, a "Cơ quan chủ trì:" block, or a table; or set by the focal agency's correction.</summary>
public enum AssignmentSource
{
    Heading,
    Named,
    Block,
    Table,
    Corrected,
}
