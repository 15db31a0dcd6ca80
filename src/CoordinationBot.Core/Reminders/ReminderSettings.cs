namespace CoordinationBot.Core.Reminders;

/// <summary>
/// When agencies are reminded: the days before the due date (besides the day itself), and the days after it before late
/// agencies are asked to explain, for rounds that do not say. Defaults: 3 and 1 days before, 3 days after.
/// </summary>
public sealed record ReminderSettings(IReadOnlyCollection<int> DaysBefore, int ExplainAfterDays)
{
    public static ReminderSettings Default { get; } = new([3, 1], ReminderPlanner.DefaultExplainAfterDays);

    /// <summary>The configured days, where given; the defaults for the rest.</summary>
    public static ReminderSettings From(IReadOnlyCollection<int>? daysBefore, int? explainAfterDays) => new(
        daysBefore is { Count: > 0 } ? daysBefore : Default.DaysBefore,
        explainAfterDays ?? Default.ExplainAfterDays);
}
