using CoordinationBot.Core;
using System.Globalization;
using CoordinationBot.Core.Agencies;
using CoordinationBot.Core.Plans;
using CoordinationBot.Core.Plans.Import;
using CoordinationBot.Core.StatusReports;
using CoordinationBot.Host.Cards;
using CoordinationBot.Host.Resources;
using Microsoft.Extensions.Options;
using CoordinationBot.Core.Text;

namespace CoordinationBot.Host.Workers;

/// <summary>
/// Reminds agencies that have not reported, some days before the due date and on it; the day after, sends the focal
/// agency the overdue list and tells the late agencies' officers and leaders; after the round's days for explanations,
/// asks the late agencies to explain (giải trình). One instance at a time (a blob lease); each message is recorded as a
/// delivery, so none is sent twice even when the lease changes hands.
/// </summary>
public sealed partial class ReminderScheduler(
    ISingletonLease lease,
    IServiceScopeFactory scopes,
    IOptions<ReminderOptions> options,
    IOptions<BotLanguageOptions> language,
    TimeProvider time,
    ILogger<ReminderScheduler> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (await lease.TryAcquireAsync(options.Value.LeaseDuration, stoppingToken))
                {
                    await RunOnceAsync(stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception) when (CoordinationBot.Storage.StorageFailure.IsOutage(exception))
            {
                PassFailed(logger, exception);
            }

            // The pace of looking, not business time: the real clock, so a test's fake clock cannot stall the loop.
            await Task.Delay(options.Value.Interval, TimeProvider.System, stoppingToken);
        }
    }

    /// <summary>One pass over the open rounds; returns how many reminders and digests were queued.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        using var scope = scopes.CreateScope();
        var services = scope.ServiceProvider;
        var store = services.GetRequiredService<IStatusReportStore>();
        var plans = services.GetRequiredService<IPlanStore>();
        var registry = services.GetRequiredService<AgencyRegistry>();
        var today = time.Today();
        var culture = language.Value.CultureFor(null);
        var queued = 0;
        await foreach (var round in store.ListOpenRoundsAsync(cancellationToken))
        {
            var plan = await plans.GetAsync(round.PlanKey, round.PlanVersion, cancellationToken);
            if (plan is null)
            {
                continue;
            }

            var assigned = services.GetRequiredService<PlanReporters>().Expected(plan.Plan);
            var reported = await store.ReportedAgenciesAsync(round.Id, cancellationToken);
            var decision = ReminderPlanner.Decide(round, RoundProgress.Missing(assigned, reported, registry), today, options.Value.EffectiveDaysBefore, options.Value.ExplainAfterDays);
            if (decision.Missing.Count == 0)
            {
                continue;
            }

            var due = round.Due.ToVietnameseDate();
            var occasion = today.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
            if (decision.Digest)
            {
                var note = string.Format(culture, BotText.Get("DigestNote", culture), StatusCard.PeriodLabel(round.Period, culture), plan.Plan.Number ?? plan.Plan.Title, due, string.Join("; ", decision.Missing));
                foreach (var reference in await services.GetRequiredService<FocalRecipients>().FindAsync(plan.Plan, round.TenantId, cancellationToken))
                {
                    queued += await QueueAsync(services, new Delivery(round.Id, "focal", reference, DeliveryKind.OverdueDigest, note, occasion), cancellationToken);
                }
            }

            if (decision.Escalate)
            {
                // Once per round, agency and chat (the occasion names no day).
                queued += await EscalateAsync(services, round, plan.Plan, decision, "overdue", culture, cancellationToken);
            }

            if (decision.AskExplanation)
            {
                var finder = services.GetRequiredService<RecipientFinder>();
                foreach (var (agency, reference) in await finder.FindAsync(round.TenantId, decision.Missing, cancellationToken))
                {
                    var request = ExplanationCard.Request(agency, round, plan.Plan, today, culture);
                    queued += await QueueAsync(services, new Delivery(round.Id, agency, reference, DeliveryKind.ExplanationRequest, request, "explain"), cancellationToken);
                }
            }

            if (decision.DaysLeft < 0)
            {
                continue;
            }

            var text = ReminderText(decision, round, culture);
            foreach (var (agency, reference) in await services.GetRequiredService<RecipientFinder>().FindAsync(round.TenantId, decision.Missing, cancellationToken))
            {
                queued += await QueueAsync(services, new Delivery(round.Id, agency, reference, DeliveryKind.Reminder, text, occasion), cancellationToken);
            }
        }

        return queued;
    }

    /// <summary>
    /// The focal agency's "Nhắc các đơn vị chưa báo cáo": remind every agency that has not reported, now; which were
    /// reminded (and through how many recipients), and which have nobody to remind.
    /// </summary>
    public async Task<RemindResult> RemindNowAsync(string roundId, CancellationToken cancellationToken)
    {
        using var scope = scopes.CreateScope();
        var services = scope.ServiceProvider;
        var store = services.GetRequiredService<IStatusReportStore>();
        var round = await store.GetRoundAsync(roundId, cancellationToken);
        var plan = round is null ? null : await services.GetRequiredService<IPlanStore>().GetAsync(round.PlanKey, round.PlanVersion, cancellationToken);
        if (round is null || plan is null)
        {
            return new RemindResult([], [], 0);
        }

        var registry = services.GetRequiredService<AgencyRegistry>();
        var reported = await store.ReportedAgenciesAsync(round.Id, cancellationToken);
        var decision = ReminderPlanner.RemindNow(round, RoundProgress.Missing(services.GetRequiredService<PlanReporters>().Expected(plan.Plan), reported, registry), time.Today());
        var missing = decision.Missing;
        var text = ReminderText(decision, round, language.Value.CultureFor(null));
        var occasion = "now" + time.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var queued = 0;
        var reached = new List<string>();
        foreach (var (agency, reference) in await services.GetRequiredService<RecipientFinder>().FindAsync(round.TenantId, missing, cancellationToken))
        {
            queued += await QueueAsync(services, new Delivery(round.Id, agency, reference, DeliveryKind.Reminder, text, occasion), cancellationToken);
            reached.Add(agency);
        }

        var reminded = missing.Where(reached.Contains).ToList();
        return new RemindResult(reminded, [.. missing.Where(a => !reached.Contains(a))], queued);
    }

    /// <summary>What a reminder says: the days left to the due date, or that it is due today (or past: the same words, the due date shown).</summary>
    private static string ReminderText(ReminderDecision decision, ReportingRound round, CultureInfo culture) => decision.DaysLeft > 0
        ? string.Format(culture, BotText.Get("ReminderNote", culture), decision.DaysLeft, round.Due.ToVietnameseDate())
        : string.Format(culture, BotText.Get("ReminderDueToday", culture), round.Due.ToVietnameseDate());

    /// <summary>The day after the due date: each late agency's officers are told it is overdue, and its leaders (by job title) that their agency is.</summary>
    private static async Task<int> EscalateAsync(IServiceProvider services, ReportingRound round, Plan plan, ReminderDecision decision, string occasion, CultureInfo culture, CancellationToken cancellationToken)
    {
        var finder = services.GetRequiredService<RecipientFinder>();
        var period = StatusCard.PeriodLabel(round.Period, culture);
        var label = plan.Number ?? plan.Title;
        var due = round.Due.ToVietnameseDate();
        var focal = plan.FocalAgency ?? plan.Issuer ?? "—";
        var queued = 0;
        foreach (var (agency, reference) in await finder.FindAsync(round.TenantId, decision.Missing, cancellationToken))
        {
            var text = string.Format(culture, BotText.Get("OverdueNotice", culture), agency, period, label, due, decision.DaysOverdue, focal);
            queued += await QueueAsync(services, new Delivery(round.Id, agency, reference, DeliveryKind.Overdue, text, occasion), cancellationToken);
        }

        foreach (var (agency, reference, title) in await finder.FindLeadersAsync(round.TenantId, decision.Missing, cancellationToken))
        {
            var text = string.Format(culture, BotText.Get("LeaderNotice", culture), title, agency, period, label, due, decision.DaysOverdue, focal);
            queued += await QueueAsync(services, new Delivery(round.Id, agency, reference, DeliveryKind.LeaderNotice, text, occasion), cancellationToken);
        }

        return queued;
    }

    private static async Task<int> QueueAsync(IServiceProvider services, Delivery delivery, CancellationToken cancellationToken) =>
        await services.GetRequiredService<DeliveryScheduler>().QueueAsync(delivery, cancellationToken) ? 1 : 0;

    [LoggerMessage(1, LogLevel.Warning, "A reminder pass failed; the next one will try again")]
    private static partial void PassFailed(ILogger logger, Exception exception);
}

/// <summary>Who a reminder pass reached: the agencies reminded, those with nobody to remind, and the messages queued.</summary>
public sealed record RemindResult(IReadOnlyList<string> Reminded, IReadOnlyList<string> Unreachable, int Queued)
{
    public bool NobodyMissing => Reminded.Count == 0 && Unreachable.Count == 0;
}
