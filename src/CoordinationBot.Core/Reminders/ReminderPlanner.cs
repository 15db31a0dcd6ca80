using CoordinationBot.Core.StatusReports;

namespace CoordinationBot.Core.Reminders;

/// <summary>
/// Who is reminded on a given day: agencies of an open round that have not reported, some days before the due date
/// and on it. The day after, the focal agency gets the list of those still missing, and they are escalated: their
/// officers and leaders get an overdue notice. After the round's days for explanations, they are asked for one (giải
/// trình: why, and by when).
/// </summary>
public static class ReminderPlanner
{
    /// <summary>Days after the due date when an agency that has not reported is asked to explain, unless the round says.</summary>
    public const int DefaultExplainAfterDays = 3;

    /// <summary>Days after its own day that an escalation or an explanation card missed (no pass ran) is still sent.</summary>
    public const int CatchUpDays = 2;

    /// <summary>The focal agency's "Nhắc các đơn vị chưa báo cáo": every agency still missing, now, whatever the day.</summary>
    public static ReminderDecision RemindNow(ReportingRound round, IReadOnlyList<string> missing, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(round);
        ArgumentNullException.ThrowIfNull(missing);
        return missing.Count == 0 ? ReminderDecision.Nothing : new ReminderDecision(missing, Digest: false, round.DaysLeft(today));
    }

    // missing: the round's assigned agencies that have not reported (RoundProgress.Missing).
    public static ReminderDecision Decide(ReportingRound round, IReadOnlyList<string> missing, DateOnly today, IReadOnlyCollection<int> daysBefore, int defaultExplainAfterDays = DefaultExplainAfterDays)
    {
        ArgumentNullException.ThrowIfNull(round);
        ArgumentNullException.ThrowIfNull(missing);
        ArgumentNullException.ThrowIfNull(daysBefore);
        if (missing.Count == 0 || round.State != RoundState.Open)
        {
            return ReminderDecision.Nothing;
        }

        var daysLeft = round.DaysLeft(today);
        if (daysLeft == 0 || daysBefore.Contains(daysLeft))
        {
            return new ReminderDecision(missing, Digest: false, daysLeft);
        }

        // Escalation and the explanation card are due on their day and the next two, so a day no instance held the
        // lease is caught up; each is recorded once per agency and chat, so it is never sent twice. (Not every day
        // after: each pass would try every late agency's chats again for as long as the round stays open.)
        var overdue = -daysLeft;
        var explainFrom = round.ExplainAfterDays ?? defaultExplainAfterDays;
        var escalate = overdue is >= 1 and <= 1 + CatchUpDays;
        var explain = overdue >= explainFrom && overdue <= explainFrom + CatchUpDays;
        return escalate || explain
            ? new ReminderDecision(missing, Digest: daysLeft == -1, daysLeft) { Escalate = escalate, AskExplanation = explain }
            : ReminderDecision.Nothing;
    }
}

/// <summary>
/// The agencies to remind (or, for the digest, to list to the focal agency), and how many days are left (negative:
/// overdue); whether they are escalated to their leaders and asked to explain.
/// </summary>
public sealed record ReminderDecision(IReadOnlyList<string> Missing, bool Digest, int DaysLeft)
{
    public static ReminderDecision Nothing { get; } = new([], false, 0);

    /// <summary>From the day after the due date: an overdue notice to the agency's officers and its leaders (once).</summary>
    public bool Escalate { get; init; }

    /// <summary>The round's days for explanations are over: each missing agency gets the explanation card (once).</summary>
    public bool AskExplanation { get; init; }

    /// <summary>Days past the due date (0 before it).</summary>
    public int DaysOverdue => Math.Max(0, -DaysLeft);
}
