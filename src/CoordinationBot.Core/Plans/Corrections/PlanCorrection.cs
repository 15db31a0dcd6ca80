namespace CoordinationBot.Core.Plans.Corrections;

/// <summary>
/// One change the focal agency made to how a plan was read (who, when, what), kept apart from the reading: it applies to
/// every version of the plan in which the task still exists. <see cref="Sequence"/> orders the changes of one plan.
/// </summary>
public sealed record PlanCorrection(string PlanKey, int Sequence, string TaskId, TaskChange Change, string By, string? ByName, string? ByAgency, DateTimeOffset At);

/// <summary>
/// What changes in a task; what is null stays as read. <see cref="Lead"/> and <see cref="Supports"/> replace the
/// agencies of that role (an empty list removes them); <see cref="NotATask"/> true takes the line out of the plan's tasks,
/// false puts it back.
/// </summary>
public sealed record TaskChange(IReadOnlyList<string>? Lead = null, IReadOnlyList<string>? Supports = null, DateOnly? Due = null, bool? NotATask = null)
{
    public bool IsEmpty => Lead is null && Supports is null && Due is null && NotATask is null;
}
