using CoordinationBot.Core;
using System.Globalization;
using CoordinationBot.Core.Agencies;
using CoordinationBot.Core.Plans.Import;
using CoordinationBot.Core.StatusReports;
using CoordinationBot.Host.Cards;

namespace CoordinationBot.Host.Bot.StatusReports;

/// <summary>Loads what an agency's status card shows for a round: its tasks in the round's plan and what it saved.</summary>
public sealed class StatusCardBuilder(IStatusReportStore store, IPlanStore plans, AgencyRegistry registry, TimeProvider time)
{
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(string Key, int Version), CoordinationBot.Core.Plans.StoredPlan> PlanVersions = new();

    public async Task<StatusCardModel?> LoadAsync(string roundId, string agency, string? note, bool warning, CancellationToken cancellationToken)
    {
        var round = await store.GetRoundAsync(roundId, cancellationToken);
        if (round is null)
        {
            return null;
        }

        // A plan version never changes once stored: read it once per process.
        var stored = PlanVersions.TryGetValue((round.PlanKey, round.PlanVersion), out var known) ? known : await plans.GetAsync(round.PlanKey, round.PlanVersion, cancellationToken);
        if (stored is null)
        {
            return null;
        }

        if (PlanVersions.Count < 200)
        {
            PlanVersions.TryAdd((round.PlanKey, round.PlanVersion), stored);
        }

        var tasks = stored.Plan.Tasks
            .Select(t => (Task: t, Assignment: t.Assignments.FirstOrDefault(a => registry.SameAgency(a.Agency, agency))))
            .Where(x => x.Assignment is not null)
            .Select(x => (x.Task, x.Assignment!.Role))
            .ToList();
        var saved = (await store.GetReportsAsync(roundId, agency, cancellationToken)).ToDictionary(r => r.Report.TaskId, StringComparer.Ordinal);
        var today = time.Today();
        var label = $"{stored.Plan.Kind} {stored.Plan.Number ?? Shorten(stored.Plan.Title)}";
        return new StatusCardModel(round, label, agency, tasks, saved, round.AcceptsReports(today), note, warning);
    }

    public static string Stamp(DateTimeOffset at) => at.ToOffset(VietnamTime.Offset).ToString("HH:mm dd/MM/yyyy", CultureInfo.InvariantCulture);

    private static string Shorten(string text) => text.Length <= 80 ? text : text[..79] + "…";
}
