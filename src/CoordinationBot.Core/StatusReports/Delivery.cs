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
}

/// <summary>Where a delivery stands.</summary>
public enum DeliveryState
{
    Queued,
    Sending,
    Sent,
    FailedRetrying,
    FailedFinal,
}

/// <summary>Port: the outbox deliveries wait in (an Azure Storage queue), so any bot instance can send them.</summary>
public interface IDeliveryOutbox
{
    Task EnqueueAsync(Delivery delivery, CancellationToken cancellationToken);
}

/// <summary>A delivery held for sending by one instance; the version proves nobody has taken it since.</summary>
public sealed record DeliveryClaim(string RoundId, string DeliveryId, string Version);

/// <summary>Port: per-recipient delivery status. Recording a delivery once is what keeps a card from being sent twice.</summary>
public interface IDeliveryLog
{
    /// <summary>Records a new delivery as queued; false when this round already has it.</summary>
    Task<bool> TryAddAsync(Delivery delivery, CancellationToken cancellationToken);

    /// <summary>Takes a queued (or retrying) delivery for sending; null when it is sent, final, or another instance has it.</summary>
    Task<DeliveryClaim?> TryClaimAsync(string roundId, string deliveryId, TimeSpan lease, CancellationToken cancellationToken);

    /// <summary>Extends a claim this instance still holds; null when it was lost (it ran out and another instance took it).</summary>
    Task<DeliveryClaim?> RenewAsync(DeliveryClaim claim, TimeSpan lease, CancellationToken cancellationToken);

    Task<DeliveryState?> GetStateAsync(string roundId, string deliveryId, CancellationToken cancellationToken);

    Task MarkAsync(string roundId, string deliveryId, DeliveryState state, string? reason, CancellationToken cancellationToken);

    Task<IReadOnlyList<(string DeliveryId, string Agency, DeliveryState State, string? Reason)>> ListAsync(string roundId, CancellationToken cancellationToken);
}
