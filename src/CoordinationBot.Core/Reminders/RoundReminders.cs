using System.Globalization;
using CoordinationBot.Core.Agencies;
using CoordinationBot.Core.Plans;
using CoordinationBot.Core.Plans.Import;
using CoordinationBot.Core.StatusReports;

namespace CoordinationBot.Core.Reminders;

/// <summary>
/// Reminders of open rounds, the scheduled pass and the focal agency's "remind now", both decided by
/// <see cref="ReminderPlanner"/>: agencies that have not reported are reminded some days before the due date and on it;
/// the day after, the focal agency gets the overdue list and the late agencies' officers and leaders are told; after the
/// round's days for explanations, the late agencies are asked to explain. Every message is queued as one recorded
/// delivery, so none is sent twice.
/// </summary>
public sealed class RoundReminders(
    IStatusReportStore store,
    IPlanStore plans,
    AgencyRegistry registry,
    PlanReporters reporters,
    RecipientFinder recipients,
    FocalRecipients focal,
    DeliveryScheduler deliveries,
    IReminderWording wording,
    ReminderSettings settings,
    TimeProvider time)
{
    /// <summary>One pass over the open rounds, for today; how many messages were queued.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        var today = time.Today();
        var occasion = today.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
        var queued = 0;
        await foreach (var round in store.ListOpenRoundsAsync(cancellationToken))
        {
            if (await plans.GetAsync(round.PlanKey, round.PlanVersion, cancellationToken) is not { } stored)
            {
                continue;
            }

            var plan = stored.Plan;
            var decision = ReminderPlanner.Decide(round, await MissingAsync(round, plan, cancellationToken), today, settings.DaysBefore, settings.ExplainAfterDays);
            if (decision.Missing.Count == 0)
            {
                continue;
            }

            if (decision.Digest)
            {
                var note = wording.Digest(round, plan, decision.Missing);
                foreach (var reference in await focal.FindAsync(plan, round.TenantId, cancellationToken))
                {
                    queued += await QueueAsync(new Delivery(round.Id, "focal", reference, DeliveryKind.OverdueDigest, note, occasion), cancellationToken);
                }
            }

            // Escalation and the explanation card go once per round, agency and chat (their occasions name no day).
            if (decision.Escalate)
            {
                queued += await EscalateAsync(round, plan, decision, cancellationToken);
            }

            if (decision.AskExplanation)
            {
                foreach (var (agency, reference) in await recipients.FindAsync(round.TenantId, decision.Missing, cancellationToken))
                {
                    var request = wording.ExplanationRequest(agency, round, plan, decision.DaysOverdue);
                    queued += await QueueAsync(new Delivery(round.Id, agency, reference, DeliveryKind.ExplanationRequest, request, "explain"), cancellationToken);
                }
            }

            if (decision.DaysLeft >= 0)
            {
                queued += (await RemindAsync(round, decision, occasion, cancellationToken)).Queued;
            }
        }

        return queued;
    }

    /// <summary>
    /// The focal agency's "Nhắc các đơn vị chưa báo cáo": every agency that has not reported, now; which were reminded
    /// (and through how many messages), and which have nobody to remind. The caller checks the right to ask.
    /// </summary>
    public async Task<RemindResult> RemindNowAsync(ReportingRound round, Plan plan, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(round);
        ArgumentNullException.ThrowIfNull(plan);
        var decision = ReminderPlanner.RemindNow(round, await MissingAsync(round, plan, cancellationToken), time.Today());
        var occasion = "now" + time.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        return await RemindAsync(round, decision, occasion, cancellationToken);
    }

    private async Task<IReadOnlyList<string>> MissingAsync(ReportingRound round, Plan plan, CancellationToken cancellationToken) =>
        RoundProgress.Missing(reporters.Expected(plan), await store.ReportedAgenciesAsync(round.Id, cancellationToken), registry);

    private async Task<RemindResult> RemindAsync(ReportingRound round, ReminderDecision decision, string occasion, CancellationToken cancellationToken)
    {
        var text = wording.Reminder(round, decision.DaysLeft);
        var queued = 0;
        var reached = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (agency, reference) in await recipients.FindAsync(round.TenantId, decision.Missing, cancellationToken))
        {
            queued += await QueueAsync(new Delivery(round.Id, agency, reference, DeliveryKind.Reminder, text, occasion), cancellationToken);
            reached.Add(agency);
        }

        return new RemindResult([.. decision.Missing.Where(reached.Contains)], [.. decision.Missing.Where(a => !reached.Contains(a))], queued);
    }

    /// <summary>The day after the due date: each late agency's officers are told it is overdue, and its leaders (by job title) that their agency is.</summary>
    private async Task<int> EscalateAsync(ReportingRound round, Plan plan, ReminderDecision decision, CancellationToken cancellationToken)
    {
        var queued = 0;
        foreach (var (agency, reference) in await recipients.FindAsync(round.TenantId, decision.Missing, cancellationToken))
        {
            var text = wording.Overdue(agency, round, plan, decision.DaysOverdue);
            queued += await QueueAsync(new Delivery(round.Id, agency, reference, DeliveryKind.Overdue, text, "overdue"), cancellationToken);
        }

        foreach (var (agency, reference, title) in await recipients.FindLeadersAsync(round.TenantId, decision.Missing, cancellationToken))
        {
            var text = wording.LeaderNotice(title, agency, round, plan, decision.DaysOverdue);
            queued += await QueueAsync(new Delivery(round.Id, agency, reference, DeliveryKind.LeaderNotice, text, "overdue"), cancellationToken);
        }

        return queued;
    }

    private async Task<int> QueueAsync(Delivery delivery, CancellationToken cancellationToken) =>
        await deliveries.QueueAsync(delivery, cancellationToken) ? 1 : 0;
}

/// <summary>Who a reminder reached: the agencies reminded, those with nobody to remind, and the messages queued.</summary>
public sealed record RemindResult(IReadOnlyList<string> Reminded, IReadOnlyList<string> Unreachable, int Queued)
{
    public bool NobodyMissing => Reminded.Count == 0 && Unreachable.Count == 0;
}
