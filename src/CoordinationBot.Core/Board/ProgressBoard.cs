using CoordinationBot.Core.Consolidation;
using CoordinationBot.Core.StatusReports;

namespace CoordinationBot.Core.Board;

/// <summary>
/// What the "Bảng theo dõi" tab shows of one round, as far as the viewer may see: each agency's reported and expected
/// parts, the status and on-time counts, who is late or has not reported, each task's state, and the latest
/// difficulties and proposals. Computed from the same consolidation as the Word report, so the two never disagree.
/// </summary>
public sealed record ProgressBoard(
    BoardRound Round,
    string? Focal,
    DateOnly AsOf,
    IReadOnlyList<AgencyProgress> Agencies,
    IReadOnlyDictionary<ProgressStatus, int> StatusCounts,
    IReadOnlyDictionary<OnTimeStatus, int> OnTimeCounts,
    IReadOnlyList<string> Overdue,
    IReadOnlyList<string> NotReported,
    IReadOnlyList<BoardTask> Tasks,
    IReadOnlyList<AgencyNote> Difficulties,
    IReadOnlyList<AgencyNote> Proposals)
{
    /// <summary>The most difficulties and proposals shown: the latest, as the Word report holds them all.</summary>
    public const int LatestNotes = 10;

    /// <summary>The board of <paramref name="summary"/>, narrowed to <paramref name="agency"/>'s parts when one is given.</summary>
    public static ProgressBoard From(ConsolidationSummary summary, BoardRound round, string? agency, Func<string, string, bool> sameAgency)
    {
        ArgumentNullException.ThrowIfNull(summary);
        ArgumentNullException.ThrowIfNull(round);
        ArgumentNullException.ThrowIfNull(sameAgency);
        bool Shown(string name) => agency is null || sameAgency(name, agency);

        var parts = summary.Tasks
            .SelectMany(t => t.Agencies.Where(a => Shown(a.Agency)).Select(a => (t.Task, a.Agency, a.Report, OnTime: OnTime.Of(t.Task, a.Report, summary.AsOf))))
            .ToList();
        var agencies = parts.GroupBy(p => p.Agency, StringComparer.Ordinal)
            .Select(g => new AgencyProgress(
                g.Key,
                g.Count(),
                g.Count(p => p.Report is not null),
                g.Count(p => OnTime.IsLate(p.OnTime)),
                summary.Overdue.Contains(g.Key)))
            .OrderByDescending(a => a.Reported == a.Expected ? 0 : 1).ThenBy(a => a.Agency, StringComparer.Ordinal)
            .ToList();
        var partsOf = parts.ToLookup(p => (object)p.Task, ReferenceEqualityComparer.Instance);
        var tasks = summary.Tasks
            .Select(t => (Summary: t, Parts: partsOf[t.Task].ToList()))
            .Where(t => t.Parts.Count > 0)
            .Select(t => new BoardTask(
                t.Summary.Task.Id,
                t.Summary.Task.Text,
                Lead(t.Summary.Task),
                t.Summary.Task.Due,
                agency is null ? t.Summary.Status : t.Parts.Select(p => p.Report?.Status).FirstOrDefault(s => s is not null),
                Worst(t.Parts.Select(p => p.OnTime)),
                t.Parts.Select(p => p.Report?.Percent ?? 0).DefaultIfEmpty(0).Max()))
            .ToList();
        var reports = parts.Where(p => p.Report is not null).Select(p => p.Report!).ToList();
        return new ProgressBoard(
            round,
            summary.Plan.FocalAgency,
            summary.AsOf,
            agencies,
            Enum.GetValues<ProgressStatus>().ToDictionary(s => s, s => reports.Count(r => r.Status == s)),
            Enum.GetValues<OnTimeStatus>().ToDictionary(s => s, s => parts.Count(p => p.OnTime == s)),
            summary.Overdue.Where(Shown).ToList(),
            summary.Missing.Where(Shown).ToList(),
            tasks,
            Latest(summary.Difficulties, reports),
            Latest(summary.Proposals, reports));
    }

    /// <summary>The lead as the plan names it (a group stays a group), co-leads joined by "; " as elsewhere, since group names hold commas.</summary>
    private static string? Lead(Plans.PlanTask task) => string.Join("; ", task.LeadAgencies()) is { Length: > 0 } leads ? leads : null;

    /// <summary>The status that needs the most attention among an agency's parts of a task.</summary>
    private static OnTimeStatus Worst(IEnumerable<OnTimeStatus> statuses)
    {
        OnTimeStatus[] order = [OnTimeStatus.OverdueNotDone, OnTimeStatus.DoneLate, OnTimeStatus.NotStarted, OnTimeStatus.InProgressOnTime, OnTimeStatus.DoneOnTime];
        var seen = statuses.ToList();
        return order.FirstOrDefault(seen.Contains, OnTimeStatus.NotStarted);
    }

    /// <summary>The notes of the reports shown, latest submitted first.</summary>
    private static List<AgencyNote> Latest(IReadOnlyList<AgencyNote> notes, List<StatusReport> shown)
    {
        var submitted = shown.ToDictionary(r => (r.Agency, r.TaskId), r => r.SubmittedAt);
        return notes.Where(n => submitted.ContainsKey((n.Agency, n.TaskId)))
            .OrderByDescending(n => submitted[(n.Agency, n.TaskId)])
            .Take(LatestNotes)
            .ToList();
    }
}

/// <summary>One agency's parts in the round: assigned, reported, late, and whether the agency is overdue with its report.</summary>
public sealed record AgencyProgress(string Agency, int Expected, int Reported, int Late, bool Overdue);

/// <summary>One task as the board lists it: its lead, due date, state (null: nobody reported), on-time status and the furthest percentage reported.</summary>
public sealed record BoardTask(string Id, string Text, string? Lead, DateOnly? Due, ProgressStatus? Status, OnTimeStatus OnTime, int Percent);
