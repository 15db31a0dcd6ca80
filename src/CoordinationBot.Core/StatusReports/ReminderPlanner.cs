namespace CoordinationBot.Core.StatusReports;

/// <summary>
/// Who is reminded on a given day: agencies of an open round that have not reported, some days before the due date
/// and on it; the day after, the focal agency gets the list of those still missing.
/// </summary>
public static class ReminderPlanner
{
    // missing: the round's assigned agencies that have not reported (RoundProgress.Missing).
    public static ReminderDecision Decide(ReportingRound round, IReadOnlyList<string> missing, DateOnly today, IReadOnlyCollection<int> daysBefore)
    {
        ArgumentNullException.ThrowIfNull(round);
        ArgumentNullException.ThrowIfNull(missing);
        ArgumentNullException.ThrowIfNull(daysBefore);
        if (missing.Count == 0 || round.State != RoundState.Open)
        {
            return ReminderDecision.Nothing;
        }

        var daysLeft = round.Due.DayNumber - today.DayNumber;
        if (daysLeft == 0 || daysBefore.Contains(daysLeft))
        {
            return new ReminderDecision(missing, Digest: false, daysLeft);
        }

        return daysLeft == -1 ? new ReminderDecision(missing, Digest: true, daysLeft) : ReminderDecision.Nothing;
    }
}

/// <summary>The agencies to remind (or, for the digest, to list to the focal agency), and how many days are left.</summary>
public sealed record ReminderDecision(IReadOnlyList<string> Missing, bool Digest, int DaysLeft)
{
    public static ReminderDecision Nothing { get; } = new([], false, 0);
}
