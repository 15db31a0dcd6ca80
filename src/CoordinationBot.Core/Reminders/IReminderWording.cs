using CoordinationBot.Core.Plans;
using CoordinationBot.Core.StatusReports;

namespace CoordinationBot.Core.Reminders;

/// <summary>
/// Port: what each reminder says, in the deployment's language (the host's resources). The core decides who gets
/// which message and when; this only words it.
/// </summary>
public interface IReminderWording
{
    /// <summary>To an agency that has not reported: the days left (0: due today; below: overdue, the due date shown).</summary>
    string Reminder(ReportingRound round, int daysLeft);

    /// <summary>To the focal agency the day after the due date: the agencies still missing.</summary>
    string Digest(ReportingRound round, Plan plan, IReadOnlyList<string> missing);

    /// <summary>To a late agency's officers: their report is overdue.</summary>
    string Overdue(string agency, ReportingRound round, Plan plan, int daysOverdue);

    /// <summary>To a late agency's leader, addressed by <paramref name="title"/>.</summary>
    string LeaderNotice(string title, string agency, ReportingRound round, Plan plan, int daysOverdue);

    /// <summary>What the explanation card asks a late agency.</summary>
    string ExplanationRequest(string agency, ReportingRound round, Plan plan, int daysOverdue);
}
