using CoordinationBot.Core.Conversations;

namespace CoordinationBot.Core.StatusReports;

/// <summary>
/// One card to send into one conversation for a round: an agency's status card, the same card as a reminder, or the
/// focal agency's overdue digest. <see cref="Occasion"/> tells reminders of different days apart.
/// </summary>
public sealed record Delivery(string RoundId, string Agency, ConversationReference Conversation, DeliveryKind Kind = DeliveryKind.StatusCard, string? Note = null, string? Occasion = null)
{
    public string Id => Kind == DeliveryKind.StatusCard ? $"{Agency}~{Conversation.ConversationId}" : $"{Agency}~{Conversation.ConversationId}~{Kind}~{Occasion}";
}

public enum DeliveryKind
{
    StatusCard,
    Reminder,
    OverdueDigest,

    /// <summary>Tells the focal agency which cards of a round could not be delivered, and how to send them again.</summary>
    FailureNotice,

    /// <summary>An agency's status card sent back to it with the focal agency's request for revision.</summary>
    Returned,

    /// <summary>A lead agency's card, sent when a support has given its part (the support's name in the note).</summary>
    Contribution,

    /// <summary>The day after the due date: an agency that has not reported is told it is overdue (the text in the note).</summary>
    Overdue,

    /// <summary>The same day, to the agency's leaders (Giám đốc, Phó Giám đốc …): their agency is overdue.</summary>
    LeaderNotice,

    /// <summary>After the round's days for explanations: the card that asks the agency why, and by when (giải trình).</summary>
    ExplanationRequest,
}

/// <summary>Where a delivery stands.</summary>
public enum DeliveryState
{
    Queued,
    Sending,
    Sent,
    FailedRetrying,
    FailedFinal,

    /// <summary>The post timed out or broke off after it was sent: Teams may show it. Not re-posted unless the focal agency asks.</summary>
    Unconfirmed,
}

/// <summary>Port: the outbox deliveries wait in (an Azure Storage queue), so any bot instance can send them.</summary>
public interface IDeliveryOutbox
{
    /// <summary>Enqueues the delivery; false when the queue could not be reached (the delivery row is still there for the sweeper).</summary>
    Task<bool> EnqueueAsync(Delivery delivery, CancellationToken cancellationToken);
}

/// <summary>
/// Port: the sending side of the outbox. A received message is hidden from the other instances for its visibility
/// time; one not completed by then reappears; one that keeps failing goes to the poison queue.
/// </summary>
public interface IOutboxReceiver : IDeliveryOutbox
{
    Task<IReadOnlyList<OutboxMessage>> ReceiveAsync(int max, TimeSpan visibility, CancellationToken cancellationToken);

    /// <summary>
    /// Keeps a message hidden for <paramref name="visibility"/> more (a retry's wait, or while its card is sent): the
    /// message as extended, or null when this instance no longer holds it (it reappeared and was received again).
    /// </summary>
    Task<OutboxMessage?> ExtendAsync(OutboxMessage message, TimeSpan visibility, CancellationToken cancellationToken);

    Task CompleteAsync(OutboxMessage message, CancellationToken cancellationToken);

    Task MoveToPoisonAsync(OutboxMessage message, CancellationToken cancellationToken);
}

/// <summary>A received delivery (null when the message was unreadable) and what completing it needs.</summary>
public sealed record OutboxMessage(string Id, string PopReceipt, int DequeueCount, Delivery? Delivery);

/// <summary>A delivery held for sending by one instance; the version proves nobody has taken it since.</summary>
public sealed record DeliveryClaim(string RoundId, string DeliveryId, string Version, int Attempts = 1, DateTimeOffset? FirstAttemptAt = null);

/// <summary>A delivery whose row says it should have been sent or retried by now, and the row's version.</summary>
public sealed record StalledDelivery(Delivery Delivery, string Version);

/// <summary>One delivery of a round, as its row records it.</summary>
public sealed record DeliveryRecord(Delivery Delivery, DeliveryState State, string? Reason, int Attempts);

/// <summary>Port: per-recipient delivery status. Recording a delivery once is what keeps a card from being sent twice.</summary>
public interface IDeliveryLog
{
    /// <summary>
    /// Records a new delivery as queued (the delivery itself in the row); false when this round already has it. The row
    /// counts as stalled after <paramref name="stalledAfter"/> if nothing has sent it by then.
    /// </summary>
    Task<bool> TryAddAsync(Delivery delivery, TimeSpan stalledAfter, CancellationToken cancellationToken);

    /// <summary>Takes a queued (or retrying) delivery for sending; null when it is sent, final, or another instance has it.</summary>
    Task<DeliveryClaim?> TryClaimAsync(string roundId, string deliveryId, TimeSpan lease, CancellationToken cancellationToken);

    /// <summary>Queued, sending or retrying rows past their stall time, oldest round first, at most <paramref name="max"/>.</summary>
    Task<IReadOnlyList<StalledDelivery>> ListStalledAsync(int max, CancellationToken cancellationToken);

    /// <summary>Moves a stalled row's stall time on (it was enqueued again); false when the row changed meanwhile.</summary>
    Task<bool> PostponeAsync(StalledDelivery stalled, TimeSpan stalledAfter, CancellationToken cancellationToken);

    /// <summary>A delivery that failed for good or is unconfirmed, queued again from scratch; null when it is not one.</summary>
    Task<Delivery?> RequeueAsync(string roundId, string deliveryId, TimeSpan stalledAfter, CancellationToken cancellationToken);

    Task<IReadOnlyList<DeliveryRecord>> ListDeliveriesAsync(string roundId, CancellationToken cancellationToken);

    /// <summary>Extends a claim this instance still holds; null when it was lost (it ran out and another instance took it).</summary>
    Task<DeliveryClaim?> RenewAsync(DeliveryClaim claim, TimeSpan lease, CancellationToken cancellationToken);

    Task<DeliveryState?> GetStateAsync(string roundId, string deliveryId, CancellationToken cancellationToken);

    /// <summary>Records where a delivery stands; a retrying one counts as stalled after <paramref name="stalledAfter"/>.</summary>
    Task MarkAsync(string roundId, string deliveryId, DeliveryState state, string? reason, CancellationToken cancellationToken, TimeSpan? stalledAfter = null);

    Task<IReadOnlyList<(string DeliveryId, string Agency, DeliveryState State, string? Reason)>> ListAsync(string roundId, CancellationToken cancellationToken);
}
