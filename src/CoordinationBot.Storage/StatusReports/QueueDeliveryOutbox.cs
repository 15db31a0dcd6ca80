using System.Text.Json;
using Azure;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using CoordinationBot.Core.StatusReports;

namespace CoordinationBot.Storage.StatusReports;

/// <summary>
/// The delivery outbox on Azure Storage Queues (Azurite locally): any bot instance receives, a message not
/// completed reappears after its visibility timeout, and one that keeps failing is moved to the poison queue.
/// </summary>
public sealed class QueueDeliveryOutbox(QueueClient queue, QueueClient poison) : IOutboxReceiver
{
    private volatile bool created;

    public async Task<bool> EnqueueAsync(Delivery delivery, CancellationToken cancellationToken)
    {
        try
        {
            await EnsureCreatedAsync(cancellationToken);
            await queue.SendMessageAsync(JsonSerializer.Serialize(delivery, StorageJsonContext.Default.Delivery), cancellationToken);
            return true;
        }
        catch (Exception failure) when (StorageFailure.IsOutage(failure))
        {
            return false;
        }
    }

    public async Task<IReadOnlyList<OutboxMessage>> ReceiveAsync(int max, TimeSpan visibility, CancellationToken cancellationToken)
    {
        await EnsureCreatedAsync(cancellationToken);
        var messages = await queue.ReceiveMessagesAsync(max, WholeSeconds(visibility), cancellationToken);
        return messages.Value.Select(m => new OutboxMessage(m.MessageId, m.PopReceipt, (int)m.DequeueCount, Parse(m))).ToList();
    }

    /// <summary>The returned message carries the new pop receipt.</summary>
    public async Task<OutboxMessage?> ExtendAsync(OutboxMessage message, TimeSpan visibility, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        try
        {
            var updated = await queue.UpdateMessageAsync(message.Id, message.PopReceipt, visibilityTimeout: WholeSeconds(visibility), cancellationToken: cancellationToken);
            return message with { PopReceipt = updated.Value.PopReceipt };
        }
        catch (RequestFailedException failure) when (failure.Status == 404 || failure.ErrorCode == "PopReceiptMismatch")
        {
            // Received again (its pop receipt changed) or completed meanwhile: no longer this instance's to extend.
            return null;
        }
    }

    public async Task CompleteAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        try
        {
            await queue.DeleteMessageAsync(message.Id, message.PopReceipt, cancellationToken);
        }
        catch (RequestFailedException failure) when (failure.Status == 404 || failure.ErrorCode == "PopReceiptMismatch")
        {
            // Already completed by a redelivery, or received again by another instance since (its pop receipt changed):
            // the new holder finds the delivery's state and completes the message itself.
        }
    }

    public async Task MoveToPoisonAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        await poison.SendMessageAsync(message.Delivery is null ? "{}" : JsonSerializer.Serialize(message.Delivery, StorageJsonContext.Default.Delivery), cancellationToken);
        await CompleteAsync(message, cancellationToken);
    }

    /// <summary>
    /// The queue counts visibility in whole seconds and the SDK drops the fraction, so a 300 ms retry wait would make the
    /// message visible at once: a wait is rounded up, never down.
    /// </summary>
    public static TimeSpan WholeSeconds(TimeSpan visibility) =>
        visibility <= TimeSpan.Zero ? TimeSpan.Zero : TimeSpan.FromSeconds(Math.Ceiling(visibility.TotalSeconds));

    private static Delivery? Parse(QueueMessage message)
    {
        try
        {
            return JsonSerializer.Deserialize(message.Body.ToString(), StorageJsonContext.Default.Delivery);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private async Task EnsureCreatedAsync(CancellationToken cancellationToken)
    {
        if (!created)
        {
            await queue.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
            await poison.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
            created = true;
        }
    }
}
