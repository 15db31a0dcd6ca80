using CoordinationBot.Core.Agencies;
using CoordinationBot.Core.Plans;
using CoordinationBot.Core.Plans.Import;
using CoordinationBot.Core.Questions;
using CoordinationBot.Core.StatusReports;

namespace CoordinationBot.Core.Consolidation;

/// <summary>Builds the consolidation of a round from its plan and every report saved in it (none yet is fine).</summary>
public sealed class ConsolidateHandler(
    IStatusReportStore store,
    IReportReturnStore returns,
    Escalation.IExplanationStore explanations,
    Evidence.IEvidenceFileStore evidence,
    IPlanStore plans,
    AgencyRegistry registry,
    PlanReporters reporters,
    TimeProvider time)
{
    public async Task<ConsolidationSummary?> HandleAsync(PlanCatalog catalog, string planText, string periodText, CancellationToken cancellationToken, string? planKey = null)
    {
        var target = RoundTarget.Resolve(catalog, planText, periodText, time.Today(), planKey);
        if (target is null)
        {
            return null;
        }

        var (stored, period) = target.Value;
        var round = await store.GetRoundAsync(ReportingRound.IdFor(stored.Key, period), cancellationToken);
        return round is null ? null : await SummarizeAsync(round, cancellationToken);
    }

    public async Task<ConsolidationSummary?> SummarizeAsync(ReportingRound round, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(round);
        var plan = (await plans.GetAsync(round.PlanKey, round.PlanVersion, cancellationToken))?.Plan;
        if (plan is null)
        {
            return null;
        }

        // The reads are independent: the round's reports, its returns, explanations and evidence, the lower levels' rounds
        // and the earlier rounds are all asked for at once rather than one after another.
        var reading = store.GetAllReportsAsync(round.Id, cancellationToken, reporters.Expected(plan).ToList());
        var returnsReading = returns.ListAsync(round.Id, cancellationToken);
        var explanationsReading = explanations.ListAsync(round.Id, cancellationToken);
        var evidenceReading = evidence.ListAsync(round.Id, cancellationToken);
        var lowerReading = LowerLevelsAsync(round, plan, cancellationToken);
        var earlierReading = EarlierStandingsAsync(round, cancellationToken);
        await Task.WhenAll(reading, returnsReading, explanationsReading, evidenceReading, lowerReading, earlierReading);

        var reports = (await reading).Select(r => r.Readable()).ToList();
        var (expected, reported, tasks) = Progress(plan, reports);
        var overdue = time.Today() > round.Due ? expected.Except(reported, StringComparer.Ordinal).ToList() : [];
        var counts = Enum.GetValues<ProgressStatus>().ToDictionary(s => s, s => reports.Count(r => r.Status == s));
        var difficulties = reports.Where(r => r.Difficulties.Length > 0).Select(r => new AgencyNote(r.Agency, r.TaskId, r.Difficulties)).ToList();
        var proposals = reports.Where(r => r.Proposals.Length > 0).Select(r => new AgencyNote(r.Agency, r.TaskId, r.Proposals)).ToList();
        var returned = ReportReturn.Outstanding(await returnsReading, reports);
        var summary = new ConsolidationSummary(round, plan, expected, reported, overdue, counts, tasks, difficulties, proposals, await lowerReading, time.Today(), returned)
        {
            Explanations = Escalation.Explanation.Latest(await explanationsReading),
            EvidenceFiles = await evidenceReading,
        };
        var earlier = await earlierReading;
        return earlier.Count == 0 ? summary : summary with { AcrossRounds = OnTime.Across([summary.Standings, .. earlier]), RoundsCounted = earlier.Count + 1 };
    }

    private const int EarlierRounds = 8;

    /// <summary>The agencies' standings in the plan's earlier rounds (up to eight), each counted at its own due date.</summary>
    private async Task<List<IReadOnlyList<AgencyStanding>>> EarlierStandingsAsync(ReportingRound round, CancellationToken cancellationToken)
    {
        var earlier = await store.ListRoundsAsync(cancellationToken)
            .Where(r => r.PlanKey == round.PlanKey && r.Id != round.Id && r.OpenedAt < round.OpenedAt)
            .OrderByDescending(r => r.OpenedAt)
            .Take(EarlierRounds)
            .ToListAsync(cancellationToken);
        var standings = new List<IReadOnlyList<AgencyStanding>>();
        foreach (var previous in earlier)
        {
            if ((await plans.GetAsync(previous.PlanKey, previous.PlanVersion, cancellationToken))?.Plan is { } plan)
            {
                var reports = (await store.GetAllReportsAsync(previous.Id, cancellationToken, reporters.Expected(plan).ToList())).Select(r => r.Readable()).ToList();
                standings.Add(OnTime.Standings(Progress(plan, reports).Tasks, previous.Due));
            }
        }

        return standings;
    }

    /// <summary>Who is expected and who reported, and each task with each assigned agency's role and report.</summary>
    private (List<string> Expected, List<string> Reported, List<TaskProgress> Tasks) Progress(Plan plan, List<StatusReport> reports)
    {

        // Reports indexed by task and agency identity (renamed agencies meet their successors), for 20,000 reports and more.
        var byTask = reports.GroupBy(r => (r.TaskId, Identity(r.Agency))).ToDictionary(g => g.Key, g => g.First());
        var reportedIdentities = reports.Select(r => Identity(r.Agency)).ToHashSet(StringComparer.Ordinal);
        var reporterNames = reports.Select(r => r.Agency).Distinct(StringComparer.Ordinal).ToList();
        var expected = reporters.Expected(plan).ToList();
        // An agency outside the registry that a group of the plan covers is expected once it has reported.
        var groups = reporters.Groups(plan);
        expected.AddRange(reporterNames.Where(r => !expected.Any(e => registry.SameAgency(e, r)) && reporters.ReporterAmong(groups, r) is not null));
        var reported = expected.Where(a => reportedIdentities.Contains(Identity(a)) || (groups.Contains(a) && reporters.HasReported(a, reporterNames))).ToList();
        var tasks = plan.Tasks.Where(t => t.Assignments.Count > 0).Select(task => new TaskProgress(
            task,
            task.Assignments.SelectMany(a => reporters.ReportersOf(a, expected).Select(agency => (agency, a.Role, byTask.GetValueOrDefault((task.Id, Identity(agency)))))).ToList())).ToList();
        return (expected, reported, tasks);
    }

    /// <summary>
    /// Roll-up: stored plans that implement this one ("căn cứ Kế hoạch số …"), their round of the same period, and their
    /// reports, each matched to the task of this plan its text is closest to.
    /// </summary>
    private async Task<List<LowerLevelReport>> LowerLevelsAsync(ReportingRound round, Plan plan, CancellationToken cancellationToken)
    {
        var found = new List<LowerLevelReport>();
        if (plan.Number is null)
        {
            return found;
        }

        var lowerPlans = await plans.ListLatestAsync(cancellationToken)
            .Where(p => p.Plan.Implements.Any(r => string.Equals(r.Number, plan.Number, StringComparison.OrdinalIgnoreCase)))
            .ToListAsync(cancellationToken);
        if (lowerPlans.Count == 0)
        {
            return found;
        }

        var index = new Bm25Index(plan.Tasks.Select(t => t.Text).ToList());
        foreach (var lower in lowerPlans)
        {
            var lowerRound = await store.GetRoundAsync(ReportingRound.IdFor(lower.Key, round.Period), cancellationToken);
            if (lowerRound is null)
            {
                continue;
            }

            var lowerTasks = lower.Plan.Tasks.ToDictionary(t => t.Id, StringComparer.Ordinal);
            foreach (var report in (await store.GetAllReportsAsync(lowerRound.Id, cancellationToken)).Select(r => r.Readable()))
            {
                if (!lowerTasks.TryGetValue(report.TaskId, out var task))
                {
                    continue;
                }

                var best = index.Score(task.Text).OrderByDescending(x => x.Value).FirstOrDefault();
                if (best.Value >= PlanFinder.MinimumScore && index.Coverage(task.Text, best.Key) >= 0.5)
                {
                    found.Add(new LowerLevelReport(lower.Plan.Issuer ?? lower.Plan.Number ?? lower.Key, lower.Plan.Number ?? lower.Key, plan.Tasks[best.Key].Id, report));
                }
            }
        }

        return found;
    }

    private string Identity(string agency) => registry.FindExact(agency) is { } known ? registry.Current(known).Id : agency;
}
