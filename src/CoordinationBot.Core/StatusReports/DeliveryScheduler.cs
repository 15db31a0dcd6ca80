namespace CoordinationBot.Core.StatusReports;

/// <summary>
/// Queues a card: the delivery row first (the source of truth), then the outbox message. A message that could not be
/// enqueued, or was lost after the row was written (a crash between the two), is found by the sweeper when the row
/// stalls, so no card is lost; queueing the same delivery again only enqueues a row that is still waiting.
/// </summary>
public sealed class DeliveryScheduler(IDeliveryLog log, IDeliveryOutbox outbox, TimeSpan stalledAfter)
{
    public TimeSpan StalledAfter => stalledAfter;

    /// <summary>True when the delivery is new (its row was created); a row already there is enqueued again only while it waits.</summary>
    public async Task<bool> QueueAsync(Delivery delivery, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        if (await log.TryAddAsync(delivery, stalledAfter, cancellationToken))
        {
            await outbox.EnqueueAsync(delivery, cancellationToken);
            return true;
        }

        if (await log.GetStateAsync(delivery.RoundId, delivery.Id, cancellationToken) == DeliveryState.Queued)
        {
            // Its message may be gone: one more is harmless, as the row lets only one instance send the card.
            await outbox.EnqueueAsync(delivery, cancellationToken);
        }

        return false;
    }

    /// <summary>Every status card of the round that failed for good or is unconfirmed, queued again; how many.</summary>
    public async Task<int> ResendFailedAsync(string roundId, CancellationToken cancellationToken)
    {
        var count = 0;
        foreach (var record in await log.ListDeliveriesAsync(roundId, cancellationToken))
        {
            if (record.Delivery.Kind == DeliveryKind.StatusCard && record.State is DeliveryState.FailedFinal or DeliveryState.Unconfirmed
                && await log.RequeueAsync(roundId, record.Delivery.Id, stalledAfter, cancellationToken) is { } delivery)
            {
                await outbox.EnqueueAsync(delivery, cancellationToken);
                count++;
            }
        }

        return count;
    }
}
