using System.Globalization;
using System.Text.Json.Nodes;
using CoordinationBot.Core.Plans.Import;
using CoordinationBot.Core.StatusReports;
using CoordinationBot.Core.Reminders;
using CoordinationBot.Host.Cards;
using CoordinationBot.Host.Resources;
using Microsoft.Extensions.Options;

namespace CoordinationBot.Host.Features.Deliveries;

/// <summary>
/// Tells the focal agency, in its officers' chats, which status cards of a round could not be delivered and why, with
/// the command that sends them again. One notice per round per hour at most; it lists every failure as of sending.
/// </summary>
public sealed class FailureNotices(
    IStatusReportStore store,
    IPlanStore plans,
    IDeliveryLog log,
    FocalRecipients focal,
    DeliveryScheduler deliveries,
    IOptions<BotLanguageOptions> language,
    TimeProvider time)
{
    public async Task QueueAsync(string roundId, CancellationToken cancellationToken)
    {
        var round = await store.GetRoundAsync(roundId, cancellationToken);
        var plan = round is null ? null : await plans.GetAsync(round.PlanKey, round.PlanVersion, cancellationToken);
        if (round is null || plan is null)
        {
            return;
        }

        var hour = time.GetUtcNow().ToString("yyyyMMddHH", CultureInfo.InvariantCulture);
        foreach (var reference in await focal.FindAsync(plan.Plan, round.TenantId, cancellationToken))
        {
            await deliveries.QueueAsync(new Delivery(round.Id, "focal", reference, DeliveryKind.FailureNotice, Occasion: hour), cancellationToken);
        }
    }

    /// <summary>The notice as it stands now; null when nothing is failing any more (it was sent again meanwhile).</summary>
    public async Task<(JsonObject Card, string? Summary)?> CardAsync(string roundId, CancellationToken cancellationToken)
    {
        var round = await store.GetRoundAsync(roundId, cancellationToken);
        var plan = round is null ? null : await plans.GetAsync(round.PlanKey, round.PlanVersion, cancellationToken);
        if (round is null || plan is null)
        {
            return null;
        }

        var failed = (await log.ListDeliveriesAsync(roundId, cancellationToken))
            .Where(d => d.Delivery.Kind == DeliveryKind.StatusCard && d.State is DeliveryState.FailedFinal or DeliveryState.Unconfirmed)
            .ToList();
        var culture = language.Value.CultureFor(null);
        var label = plan.Plan.Number ?? plan.Plan.Title;
        var period = BotText.PeriodLabel(round.Period, culture);
        var lines = failed.Count == 0
            ? [BotText.Get("FailureNoticeNone", culture)]
            : failed.Select(d => $"{d.Delivery.Agency}: {Why(d, culture)}").ToList();
        var title = string.Format(culture, BotText.Get("FailureNoticeTitle", culture), failed.Count, period, label);
        var body = new JsonArray { AdaptiveCard.TextBlock(title, heading: true) };
        foreach (var line in lines.Take(30))
        {
            body.Add(AdaptiveCard.PlainText(("• " + line, false)));
        }

        var resend = string.Format(culture, BotText.Get("FailureNoticeResend", culture), label, period.ToLower(culture));
        body.Add(AdaptiveCard.TextBlock(resend));
        return (AdaptiveCard.Create(body), title);
    }

    private static string Why(DeliveryRecord record, CultureInfo culture)
    {
        var reason = record.Reason ?? string.Empty;
        var key = record.State == DeliveryState.Unconfirmed ? "FailureUnconfirmed"
            : reason.StartsWith("blocked", StringComparison.Ordinal) ? "FailureBlocked"
            : reason.StartsWith("conversation gone", StringComparison.Ordinal) ? "FailureGone"
            : reason.StartsWith("retries exhausted", StringComparison.Ordinal) ? "FailureExhausted"
            : "FailureOther";
        return string.Format(culture, BotText.Get(key, culture), record.Attempts);
    }
}
