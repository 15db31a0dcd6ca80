using CoordinationBot.Core.Plans;
using CoordinationBot.Core.StatusReports;

namespace CoordinationBot.Core.Consolidation;

/// <summary>
/// The whole picture of a round (Tổng hợp): who reported and who did not, how far each task is, and what blocks it.
/// </summary>
public sealed record ConsolidationSummary(
    ReportingRound Round,
    Plan Plan,
    IReadOnlyList<string> Expected,
    IReadOnlyList<string> Reported,
    IReadOnlyList<string> Overdue,
    IReadOnlyDictionary<ProgressStatus, int> StatusCounts,
    IReadOnlyList<TaskProgress> Tasks,
    IReadOnlyList<AgencyNote> Difficulties,
    IReadOnlyList<AgencyNote> Proposals,
    IReadOnlyList<LowerLevelReport>? FromLowerLevels = null,
    DateOnly? AsOfDay = null,
    IReadOnlyList<ReportReturn>? ReturnedReports = null)
{
    /// <summary>Each agency's standing over this round and the plan's earlier ones (null: no earlier round).</summary>
    public IReadOnlyList<AgencyStanding>? AcrossRounds { get; init; }

    /// <summary>How many rounds <see cref="AcrossRounds"/> counts.</summary>
    public int RoundsCounted { get; init; } = 1;

    /// <summary>Whether the report is signed by a deputy on the head's behalf ("KT. GIÁM ĐỐC / PHÓ GIÁM ĐỐC").</summary>
    public bool SignedByDeputy { get; init; }

    /// <summary>The files agencies sent as evidence of their tasks, oldest first.</summary>
    public IReadOnlyList<Evidence.EvidenceFile> EvidenceFiles { get; init; } = [];

    /// <summary>Each late agency's latest explanation (giải trình): why, and by when.</summary>
    public IReadOnlyList<Escalation.Explanation> Explanations { get; init; } = [];

    /// <summary>Reports the focal agency returned for revision that their agency has not sent again yet.</summary>
    public IReadOnlyList<ReportReturn> Returned => ReturnedReports ?? [];

    /// <summary>The day the consolidation is made: what is overdue is counted against it.</summary>
    public DateOnly AsOf => AsOfDay ?? Round.Due;

    /// <summary>Each agency's on-time standing over its parts in the round, best first.</summary>
    public IReadOnlyList<AgencyStanding> Standings => standings ??= OnTime.Standings(Tasks, AsOf);

    /// <summary>How many parts (agency × task) have each on-time status.</summary>
    public IReadOnlyDictionary<OnTimeStatus, int> OnTimeCounts =>
        Enum.GetValues<OnTimeStatus>().ToDictionary(s => s, s => Standings.Sum(a => a.Counts[s]));

    private IReadOnlyList<AgencyStanding>? standings;

    /// <summary>Reports of plans that implement this one (a commune's plan under the province's), matched to its tasks.</summary>
    public IReadOnlyList<LowerLevelReport> LowerLevels => FromLowerLevels ?? [];

    public IReadOnlyList<string> Missing => Expected.Where(a => !Reported.Contains(a)).ToList();
}

/// <summary>One task with each assigned agency's role and report (null: not reported).</summary>
public sealed record TaskProgress(PlanTask Task, IReadOnlyList<(string Agency, Role Role, StatusReport? Report)> Agencies)
{
    /// <summary>The task's overall state: the lead agency's report, else the least advanced supporting one.</summary>
    public ProgressStatus? Status =>
        Agencies.FirstOrDefault(a => a.Role == Role.Lead && a.Report is not null).Report?.Status
        ?? Agencies.Where(a => a.Report is not null).Select(a => (ProgressStatus?)a.Report!.Status).Min();
}

/// <summary>A difficulty or proposal, quoted with its agency and task.</summary>
public sealed record AgencyNote(string Agency, string TaskId, string Text);

/// <summary>A report from a lower-level plan implementing this one, matched to one of this plan's tasks and marked by its issuer.</summary>
public sealed record LowerLevelReport(string Issuer, string PlanNumber, string MatchedTaskId, StatusReport Report);
