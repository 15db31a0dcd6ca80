using CoordinationBot.BotFramework.Connector;
using CoordinationBot.Core.StatusReports;
using CoordinationBot.Host.Telemetry;
using Microsoft.Extensions.Options;

namespace CoordinationBot.Host.Features.Deliveries;

/// <summary>
/// Sends one outbox message: claims its delivery (so no other instance sends it), holds the claim and the message while
/// the card goes out <see cref="DeliveryOptions.ConcurrentPosts"/> at a time, records the outcome, and completes the
/// message, hides it until its retry, or moves it to the poison queue. A delivery that failed for good (or whose fate
/// is unknown) is reported to the focal agency, who can send it again.
/// </summary>
public sealed partial class DeliverySender(
    IOutboxReceiver outbox,
    IDeliveryLog log,
    IServiceScopeFactory scopes,
    IOptions<DeliveryOptions> options,
    TimeProvider time,
    ILogger<DeliverySender> logger) : IDisposable
{
    private readonly SemaphoreSlim posting = new(Math.Max(1, options.Value.ConcurrentPosts));

    public void Dispose() => posting.Dispose();

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
            // Done, or waiting for the focal agency: the message is complete. Otherwise another instance holds it; it comes back if that one dies.
            if (await log.GetStateAsync(delivery.RoundId, delivery.Id, cancellationToken) is DeliveryState.Sent or DeliveryState.FailedFinal or DeliveryState.Unconfirmed or null)
            {
                await outbox.CompleteAsync(message, cancellationToken);
            }

            return;
        }

        using var span = BotTelemetry.Source.StartActivity("delivery.send", System.Diagnostics.ActivityKind.Producer);
        span?.SetTag("delivery.kind", delivery.Kind.ToString());
        span?.SetTag("delivery.round", delivery.RoundId);
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        Outcome outcome;
        await using (var lease = DeliveryLease.Hold(log, outbox, claim, message, options.Value.VisibilityTimeout, logger, cancellationToken))
        {
            try
            {
                outcome = await SendAsync(delivery, claim, lease.Token, cancellationToken);
            }
            catch (OperationCanceledException) when (lease.IsLost && !cancellationToken.IsCancellationRequested)
            {
                ClaimLost(logger, delivery.RoundId, delivery.Id);
                return;
            }

            message = lease.Message;
        }

        var tags = new System.Diagnostics.TagList { { "delivery.kind", delivery.Kind.ToString() }, { "delivery.state", outcome.State.ToString() } };
        BotTelemetry.DeliveryOutcomes.Add(1, tags);
        BotTelemetry.DeliveryDuration.Record(System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds, tags);
        span?.SetTag("delivery.state", outcome.State.ToString());

        // Renewals have stopped: what is recorded now is final for this attempt (a sent card was recorded as it went).
        if (outcome.State != DeliveryState.Sent)
        {
            await log.MarkAsync(delivery.RoundId, delivery.Id, outcome.State, outcome.Reason, cancellationToken, outcome.RetryIn + options.Value.StalledAfter);
        }

        if (outcome.State == DeliveryState.FailedRetrying)
        {
            await RetryLaterAsync(message, outcome.RetryIn!.Value, cancellationToken);
            return;
        }

        if (outcome.Exhausted)
        {
            await outbox.MoveToPoisonAsync(message, cancellationToken);
        }
        else
        {
            await outbox.CompleteAsync(message, cancellationToken);
        }

        if (outcome.State is DeliveryState.FailedFinal or DeliveryState.Unconfirmed && delivery.Kind is DeliveryKind.StatusCard or DeliveryKind.Reminder or DeliveryKind.Returned)
        {
            using var scope = scopes.CreateScope();
            await scope.ServiceProvider.GetRequiredService<FailureNotices>().QueueAsync(delivery.RoundId, cancellationToken);
        }
    }

    /// <summary>Builds the card and sends it; a sent card is recorded before the next post may start.</summary>
    private async Task<Outcome> SendAsync(Delivery delivery, DeliveryClaim claim, CancellationToken leaseToken, CancellationToken stoppingToken)
    {
        using var scope = scopes.CreateScope();
        var activity = await scope.ServiceProvider.GetRequiredService<DeliveryMessages>().BuildAsync(delivery, leaseToken);
        if (activity is null)
        {
            return new Outcome(DeliveryState.FailedFinal, "round or plan missing");
        }

        var slot = new PostSlot(posting);
        try
        {
            await scope.ServiceProvider.GetRequiredService<IConnectorClient>().SendToConversationAsync(activity, slot, leaseToken);
            await log.MarkAsync(delivery.RoundId, delivery.Id, DeliveryState.Sent, null, stoppingToken);
            return new Outcome(DeliveryState.Sent, null);
        }
        catch (ConnectorException failure) when (failure.IsBlockedByUser || failure.IsConversationGone)
        {
            return new Outcome(DeliveryState.FailedFinal, failure.IsBlockedByUser ? "blocked (403)" : "conversation gone (404)");
        }
        catch (ConnectorException failure) when (failure.UntrustedServiceUrl)
        {
            return new Outcome(DeliveryState.FailedFinal, "untrusted service url");
        }
        catch (ConnectorException failure) when (failure.MayHaveBeenDelivered)
        {
            return new Outcome(DeliveryState.Unconfirmed, "unconfirmed: " + failure.Message);
        }
        catch (Exception failure) when (failure is ConnectorException or HttpRequestException or Polly.Timeout.TimeoutRejectedException)
        {
            SendFailed(logger, failure, delivery.RoundId);
            var settings = options.Value;
            if (claim.Attempts >= settings.MaxAttempts || time.GetUtcNow() - (claim.FirstAttemptAt ?? time.GetUtcNow()) >= settings.GiveUpAfter)
            {
                return new Outcome(DeliveryState.FailedFinal, $"retries exhausted after {claim.Attempts} attempts: " + failure.Message, Exhausted: true);
            }

            return new Outcome(DeliveryState.FailedRetrying, failure.Message, RetryIn: Backoff(claim.Attempts, settings));
        }
        finally
        {
            slot.Free();
        }
    }

    /// <summary>Hides the message until the next attempt; if that fails, the row's stall time brings it back.</summary>
    private async Task RetryLaterAsync(OutboxMessage message, TimeSpan delay, CancellationToken cancellationToken)
    {
        try
        {
            if (await outbox.ExtendAsync(message, delay, cancellationToken) is null)
            {
                DelayFailed(logger, null, message.Id);
            }
        }
        catch (Exception failure) when (CoordinationBot.Storage.StorageFailure.IsOutage(failure))
        {
            DelayFailed(logger, failure, message.Id);
        }
    }

    /// <summary>Doubling from <see cref="DeliveryOptions.RetryBackoff"/>, capped, with ±20 % jitter so retries of one outage spread out.</summary>
    private static TimeSpan Backoff(int attempts, DeliveryOptions settings)
    {
        var doubled = settings.RetryBackoff * Math.Pow(2, Math.Min(attempts - 1, 20));
        var capped = doubled > settings.MaxRetryBackoff ? settings.MaxRetryBackoff : doubled;
        return capped * (0.8 + (Random.Shared.NextDouble() * 0.4));
    }

    /// <summary>What to record; <paramref name="Exhausted"/>: failed for good after the last attempt, so the message goes to the poison queue.</summary>
    private sealed record Outcome(DeliveryState State, string? Reason, bool Exhausted = false, TimeSpan? RetryIn = null);

    [LoggerMessage(4, LogLevel.Warning, "Delivery {DeliveryId} of round {RoundId} was taken over by another instance after its lease ran out; this one stopped sending it")]
    private static partial void ClaimLost(ILogger logger, string roundId, string deliveryId);

    [LoggerMessage(2, LogLevel.Warning, "Sending a status card of round {RoundId} failed; it will be retried")]
    private static partial void SendFailed(ILogger logger, Exception exception, string roundId);

    [LoggerMessage(6, LogLevel.Warning, "Delaying outbox message {MessageId} failed; the delivery row brings it back")]
    private static partial void DelayFailed(ILogger logger, Exception? exception, string messageId);
}
