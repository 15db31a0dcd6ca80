using CoordinationBot.Core.Reminders;

namespace CoordinationBot.Host.Features.Reminders;

/// <summary>Configuration section <c>Reminders</c>; the days left unset are the core's defaults (<see cref="ReminderSettings.Default"/>).</summary>
public sealed class ReminderOptions
{
    public const string SectionName = "Reminders";

    public bool Enabled { get; set; } = true;

    /// <summary>How often the scheduler looks at open rounds (reminders are sent once per day and agency anyway).</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Days before the due date when agencies that have not reported are reminded; they are also reminded on the day.</summary>
    public IList<int> DaysBefore { get; } = [];

    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Days after the due date before late agencies are asked to explain, for rounds that do not say (1–60).</summary>
    public int? ExplainAfterDays { get; set; }

    public ReminderSettings Settings => ReminderSettings.From([.. DaysBefore], ExplainAfterDays);
}
