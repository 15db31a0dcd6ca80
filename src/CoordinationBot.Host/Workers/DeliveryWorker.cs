using CoordinationBot.BotFramework.Connector;
using CoordinationBot.BotFramework.Schema;
using CoordinationBot.Core.StatusReports;
using CoordinationBot.Host.Bot.StatusReports;
using CoordinationBot.Host.Cards;
using CoordinationBot.Host.Resources;
using CoordinationBot.Storage.StatusReports;
using Microsoft.Extensions.Options;

namespace CoordinationBot.Host.Workers;

/// <summary>
/// Sends status cards from the outbox. Any number of bot instances may run it: a delivery is sent only by the
/// instance that claimed it; a message an instance dropped reappears for another; one that keeps failing is set
/// aside in the poison queue with its reason recorded.
/// </summary>
public sealed partial class DeliveryWorker(
    QueueDeliveryOutbox outbox,
    IDeliveryLog log,
    IServiceScopeFactory scopes,
    IOptions<DeliveryOptions> options,
    IOptions<BotLanguageOptions> language,
    ILogger<DeliveryWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!settings.Enabled)
        {
            return;
        }

        // Several lanes pull and send independently, so one send waiting on a Retry-After does not hold up the others.
        await Task.WhenAll(Enumerable.Range(0, Lanes).Select(_ => LaneAsync(settings, stoppingToken)));
    }

    private const int Lanes = 4;

    private async Task LaneAsync(DeliveryOptions settings, CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var messages = await outbox.ReceiveAsync(8, settings.VisibilityTimeout, stoppingToken);
                if (messages.Count == 0)
                {
                    // The pace of polling, not business time: the real clock, so a test's fake clock cannot stall the loop.
                    await Task.Delay(settings.PollInterval, TimeProvider.System, stoppingToken);
                    continue;
                }

                await Task.WhenAll(messages.Select(message => ProcessAsync(message, stoppingToken).AsTask()));
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception) when (exception is Azure.RequestFailedException or HttpRequestException or CoordinationBot.Storage.Tables.TableStorageException)
            {
                StorageUnavailable(logger, exception);
                await Task.Delay(TimeSpan.FromSeconds(5), TimeProvider.System, stoppingToken);
            }
        }
    }

    public async ValueTask ProcessAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (message.Delivery is not { } delivery)
        {
            await outbox.MoveToPoisonAsync(message, cancellationToken);
            return;
        }

        if (await log.TryClaimAsync(delivery.RoundId, delivery.Id, options.Value.VisibilityTimeout, cancellationToken) is not { } claim)
        {
            // Sent or failed for good: the message is done. Otherwise another instance holds it; it comes back if that one dies.
            if (await log.GetStateAsync(delivery.RoundId, delivery.Id, cancellationToken) is DeliveryState.Sent or DeliveryState.FailedFinal or null)
            {
                await outbox.CompleteAsync(message, cancellationToken);
            }

            return;
        }

        Outcome outcome;
        await using (var lease = DeliveryLease.Hold(log, outbox, claim, message, options.Value.VisibilityTimeout, logger, cancellationToken))
        {
            try
            {
                outcome = await SendAsync(delivery, message.DequeueCount, lease.Token);
            }
            catch (OperationCanceledException) when (lease.IsLost && !cancellationToken.IsCancellationRequested)
            {
                ClaimLost(logger, delivery.RoundId, delivery.Id);
                return;
            }

            message = lease.Message;
        }

        // Renewals have stopped: what is recorded now is final for this attempt.
        await log.MarkAsync(delivery.RoundId, delivery.Id, outcome.State, outcome.Reason, cancellationToken);
        if (outcome.Exhausted)
        {
            await outbox.MoveToPoisonAsync(message, cancellationToken);
        }
        else if (outcome.State != DeliveryState.FailedRetrying)
        {
            await outbox.CompleteAsync(message, cancellationToken);
        }
    }

    /// <summary>Builds and sends the card; a retrying failure leaves the message to reappear.</summary>
    private async Task<Outcome> SendAsync(Delivery delivery, int dequeueCount, CancellationToken cancellationToken)
    {
        using var scope = scopes.CreateScope();
        var culture = language.Value.CultureFor(null);
        var model = delivery.Kind == DeliveryKind.OverdueDigest
            ? null
            : await scope.ServiceProvider.GetRequiredService<StatusCardBuilder>().LoadAsync(delivery.RoundId, delivery.Agency, delivery.Note, delivery.Kind == DeliveryKind.Reminder, cancellationToken);
        if (model is null && delivery.Kind != DeliveryKind.OverdueDigest)
        {
            return new Outcome(DeliveryState.FailedFinal, "round or plan missing");
        }

        var reference = delivery.Conversation;
        var activity = new Activity
        {
            Type = ActivityTypes.Message,
            ServiceUrl = reference.ServiceUrl,
            ChannelId = reference.ChannelId,
            Conversation = new ConversationAccount { Id = reference.ConversationId, TenantId = reference.TenantId },
            From = new ChannelAccount { Id = reference.BotId },
            Recipient = reference.UserId is null ? null : new ChannelAccount { Id = reference.UserId, AadObjectId = reference.AadObjectId },
            Attachments = [Attachment.AdaptiveCard(model is null ? NoticeCard.Create(delivery.Note ?? string.Empty) : StatusCard.Create(model, culture))],
            Summary = model is null ? delivery.Note : delivery.Note ?? $"{BotText.Get("StatusTitle", culture)}: {model.PlanLabel}",
        };

        try
        {
            await scope.ServiceProvider.GetRequiredService<IConnectorClient>().SendToConversationAsync(activity, cancellationToken);
            return new Outcome(DeliveryState.Sent, null);
        }
        catch (ConnectorException failure) when (failure.IsBlockedByUser || failure.IsConversationGone)
        {
            return new Outcome(DeliveryState.FailedFinal, failure.IsBlockedByUser ? "blocked (403)" : "conversation gone (404)");
        }
        catch (Exception failure) when (failure is ConnectorException or HttpRequestException or Polly.Timeout.TimeoutRejectedException)
        {
            SendFailed(logger, failure, delivery.RoundId);
            return dequeueCount >= options.Value.MaxAttempts
                ? new Outcome(DeliveryState.FailedFinal, "retries exhausted: " + failure.Message, Exhausted: true)
                : new Outcome(DeliveryState.FailedRetrying, failure.Message);
        }
    }

    /// <summary>What to record; <paramref name="Exhausted"/>: failed for good after the last attempt, so the message goes to the poison queue.</summary>
    private sealed record Outcome(DeliveryState State, string? Reason, bool Exhausted = false);

    [LoggerMessage(1, LogLevel.Warning, "Storage unavailable for the delivery worker; retrying")]
    private static partial void StorageUnavailable(ILogger logger, Exception exception);

    [LoggerMessage(4, LogLevel.Warning, "Delivery {DeliveryId} of round {RoundId} was taken over by another instance after its lease ran out; this one stopped sending it")]
    private static partial void ClaimLost(ILogger logger, string roundId, string deliveryId);

    [LoggerMessage(2, LogLevel.Warning, "Sending a status card of round {RoundId} failed; it will be retried")]
    private static partial void SendFailed(ILogger logger, Exception exception, string roundId);
}
