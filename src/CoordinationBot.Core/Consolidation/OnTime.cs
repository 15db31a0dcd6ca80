using CoordinationBot.Core.Plans;
using CoordinationBot.Core.StatusReports;

namespace CoordinationBot.Core.Consolidation;

/// <summary>
/// Whether an agency's part in a task is on time, as the national and provincial task-tracking systems classify it:
/// not started, in progress within its due date, overdue and not done, done on time, done late.
/// </summary>
public enum OnTimeStatus
{
    NotStarted,
    InProgressOnTime,
    OverdueNotDone,
    DoneOnTime,
    DoneLate,
}

/// <summary>
/// On-time status from the task's due date, the report and the day of the consolidation; and each agency's standing
/// over its parts (for thi đua): how many of each, the share not late, and its rank.
/// </summary>
public static class OnTime
{
    /// <summary>The status of one part: a task without a due date is never late.</summary>
    public static OnTimeStatus Of(PlanTask task, StatusReport? report, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(task);
        if (report is { Status: ProgressStatus.Done })
        {
            var doneOn = DateOnly.FromDateTime(report.SubmittedAt.ToOffset(VietnamTime.Offset).DateTime);
            return task.Due is { } due && doneOn > due ? OnTimeStatus.DoneLate : OnTimeStatus.DoneOnTime;
        }

        if (task.Due is { } deadline && asOf > deadline)
        {
            return OnTimeStatus.OverdueNotDone;
        }

        return report is null or { Status: ProgressStatus.NotStarted } ? OnTimeStatus.NotStarted : OnTimeStatus.InProgressOnTime;
    }

    public static bool IsLate(OnTimeStatus status) => status is OnTimeStatus.OverdueNotDone or OnTimeStatus.DoneLate;

    /// <summary>Each agency's standing over its parts in the round, best first; equal standings share a rank (1, 2, 2, 4).</summary>
    public static IReadOnlyList<AgencyStanding> Standings(IEnumerable<TaskProgress> tasks, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(tasks);
        var parts = new Dictionary<string, Dictionary<OnTimeStatus, int>>(StringComparer.Ordinal);
        foreach (var task in tasks)
        {
            foreach (var (agency, _, report) in task.Agencies)
            {
                if (!parts.TryGetValue(agency, out var counts))
                {
                    parts[agency] = counts = Enum.GetValues<OnTimeStatus>().ToDictionary(s => s, _ => 0);
                }

                counts[Of(task.Task, report, asOf)]++;
            }
        }

        return Ranked(parts);
    }

    /// <summary>
    /// Each agency's standing over several rounds (its parts in all of them counted together), best first: the on-time
    /// rate per agency across rounds that thi đua uses.
    /// </summary>
    public static IReadOnlyList<AgencyStanding> Across(IEnumerable<IReadOnlyList<AgencyStanding>> rounds)
    {
        ArgumentNullException.ThrowIfNull(rounds);
        var parts = new Dictionary<string, Dictionary<OnTimeStatus, int>>(StringComparer.Ordinal);
        foreach (var standing in rounds.SelectMany(r => r))
        {
            if (!parts.TryGetValue(standing.Agency, out var counts))
            {
                parts[standing.Agency] = counts = Enum.GetValues<OnTimeStatus>().ToDictionary(s => s, _ => 0);
            }

            foreach (var (status, count) in standing.Counts)
            {
                counts[status] += count;
            }
        }

        return Ranked(parts);
    }

    private static List<AgencyStanding> Ranked(Dictionary<string, Dictionary<OnTimeStatus, int>> parts)
    {
        var ordered = parts
            .Select(p => (Agency: p.Key, Counts: p.Value, Total: p.Value.Values.Sum(), Late: p.Value.Where(c => IsLate(c.Key)).Sum(c => c.Value)))
            .Select(p => (p.Agency, p.Counts, p.Total, Rate: p.Total == 0 ? 1 : (double)(p.Total - p.Late) / p.Total, Done: p.Counts[OnTimeStatus.DoneOnTime]))
            .OrderByDescending(p => p.Rate)
            .ThenByDescending(p => p.Done)
            .ThenBy(p => p.Agency, StringComparer.Ordinal)
            .ToList();
        var standings = new List<AgencyStanding>(ordered.Count);
        for (var i = 0; i < ordered.Count; i++)
        {
            var p = ordered[i];
            var tied = i > 0 && ordered[i - 1].Rate == p.Rate && ordered[i - 1].Done == p.Done;
            standings.Add(new AgencyStanding(p.Agency, p.Total, p.Counts, p.Rate, tied ? standings[i - 1].Rank : i + 1));
        }

        return standings;
    }
}

/// <summary>An agency's parts in a round by on-time status, the share of them not late, and its rank among the agencies.</summary>
public sealed record AgencyStanding(string Agency, int Parts, IReadOnlyDictionary<OnTimeStatus, int> Counts, double OnTimeRate, int Rank);
