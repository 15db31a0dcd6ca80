using CoordinationBot.Core.Agencies;
using CoordinationBot.Core.Plans;
using CoordinationBot.Core.Questions;

namespace CoordinationBot.Core.StatusReports;

/// <summary>
/// The focal agency opens a reporting round: the plan and period are read from the request, the due date defaults
/// to the plan's own reporting date in the period (else the day after the data cut-off), and one delivery per
/// (agency, conversation) goes to the outbox. Opening the same round again sends nothing twice.
/// </summary>
public sealed class OpenRoundHandler(
    IStatusReportStore store,
    RecipientFinder recipients,
    DeliveryScheduler deliveries,
    AgencyRegistry registry,
    PlanReporters reporters,
    TimeProvider time)
{
    public async Task<OpenRoundResult> HandleAsync(PlanCatalog catalog, OpenRoundRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(request);
        var today = time.Today();
        var target = RoundTarget.Resolve(catalog, request.PlanText, request.PeriodText, today, request.PlanKey, request.Period);
        if (target is null)
        {
            return OpenRoundResult.Failed(OpenRoundProblem.PlanNotFound);
        }

        var (stored, period) = target.Value;
        var (due, dueSource) = request.Due is { } given ? (given, DueSource.Given) : ChooseDue(stored.Plan, period, today);
        if (due < today)
        {
            return OpenRoundResult.Failed(OpenRoundProblem.DueInThePast);
        }

        if (request.ExplainAfterDays is < 1 or > ReportingRound.MaxExplainAfterDays)
        {
            return OpenRoundResult.Failed(OpenRoundProblem.BadExplainAfterDays);
        }

        var round = new ReportingRound(ReportingRound.IdFor(stored.Key, period), stored.Key, stored.Version, period, due, request.OpenedBy, time.GetUtcNow(), RoundState.Open, request.Message, request.TenantId, request.Mode, request.ExplainAfterDays);
        var assigned = reporters.Expected(stored.Plan);
        var alreadyOpen = !await store.AddRoundAsync(round, cancellationToken);
        var reported = 0;
        if (alreadyOpen)
        {
            // Opened before: it stays as it is (due date, message); only agencies that could not be reached then get their card now.
            round = (await store.GetRoundAsync(round.Id, cancellationToken))!;
            var reporting = await store.ReportedAgenciesAsync(round.Id, cancellationToken);
            reported = RoundProgress.ReportedCount(assigned, reporting, registry);
        }

        var queued = 0;
        var reached = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (agency, reference) in await recipients.FindAsync(request.TenantId, [.. assigned, .. reporters.Groups(stored.Plan)], cancellationToken))
        {
            reached.Add(agency);
            if (await deliveries.QueueAsync(new Delivery(round.Id, agency, reference), cancellationToken))
            {
                queued++;
            }
        }

        return new OpenRoundResult(round, queued, RoundProgress.Missing(assigned, reached, registry), OpenRoundProblem.None)
        {
            AlreadyOpen = alreadyOpen,
            DueSource = alreadyOpen ? DueSource.Given : dueSource,
            Reported = reported,
            Expected = assigned.Count,
        };
    }

    /// <summary>The plan's own reporting date in the period, else the day after the period's data cut-off.</summary>
    public static DateOnly DefaultDue(Plan plan, ReportingPeriod period, DateOnly today) => ChooseDue(plan, period, today).Due;

    /// <summary>The default due date and the rule it came from, so the focal agency is told why that date.</summary>
    public static (DateOnly Due, DueSource Source) ChooseDue(Plan plan, ReportingPeriod period, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(period);
        if (period.Kind == PeriodKind.AdHoc)
        {
            return (today.AddDays(7), DueSource.WeekFromToday);
        }

        var inPeriod = plan.Reporting.SelectMany(r => r.Dues)
            .Where(d => d >= period.DataFrom && d <= period.DataTo.AddMonths(1))
            .Order()
            .ToList();
        var own = inPeriod.FirstOrDefault(d => d >= today);
        if (own != default)
        {
            return (own, DueSource.PlanDate);
        }

        var fallback = period.DataTo.AddDays(1);
        var passed = inPeriod.Count > 0;
        return fallback >= today
            ? (fallback, passed ? DueSource.PlanDatePassedDayAfterCutoff : DueSource.DayAfterCutoff)
            : (today.AddDays(7), passed ? DueSource.PlanDatePassedWeekFromToday : DueSource.WeekFromToday);
    }
}

/// <summary>Where a round's due date came from.</summary>
public enum DueSource
{
    Given,
    PlanDate,
    DayAfterCutoff,
    PlanDatePassedDayAfterCutoff,
    WeekFromToday,
    PlanDatePassedWeekFromToday,
}

public sealed record OpenRoundRequest(string PlanText, string PeriodText, DateOnly? Due, string? Message, string OpenedBy, string TenantId, string? PlanKey = null, ReportingMode Mode = ReportingMode.ToFocal)
{
    /// <summary>Days after the due date before late agencies are asked to explain (null: the default).</summary>
    public int? ExplainAfterDays { get; init; }

    /// <summary>The period as a form chose it (null: read from <see cref="PeriodText"/>).</summary>
    public ReportingPeriod? Period { get; init; }
}

public sealed record OpenRoundResult(ReportingRound? Round, int Queued, IReadOnlyList<string> AgenciesWithoutRecipients, OpenRoundProblem Problem)
{
    /// <summary>The round had been opened before: nothing of it changed.</summary>
    public bool AlreadyOpen { get; init; }

    /// <summary>Of the agencies assigned tasks in the plan (<see cref="Expected"/>), how many have reported in the round.</summary>
    public int Reported { get; init; }

    public int Expected { get; init; }

    /// <summary>The rule the due date came from when none was given.</summary>
    public DueSource DueSource { get; init; }

    public static OpenRoundResult Failed(OpenRoundProblem problem) => new(null, 0, [], problem);
}

public enum OpenRoundProblem
{
    None,
    PlanNotFound,
    DueInThePast,
    BadExplainAfterDays,
}
