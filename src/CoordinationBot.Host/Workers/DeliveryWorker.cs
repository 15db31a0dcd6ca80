using CoordinationBot.Core;
using CoordinationBot.BotFramework.Connector;
using CoordinationBot.BotFramework.Schema;
using CoordinationBot.Core.StatusReports;
using CoordinationBot.Host.Bot.StatusReports;
using CoordinationBot.Host.Cards;
using CoordinationBot.Host.Resources;
using CoordinationBot.Host.Telemetry;
using CoordinationBot.Storage.StatusReports;
using Microsoft.Extensions.Options;

namespace CoordinationBot.Host.Workers;

/// <summary>
/// Sends status cards from the outbox. Any number of bot instances may run it: a delivery is sent only by the
/// instance that claimed it; a message an instance dropped reappears for another, and a delivery row whose message was
/// lost is found by the sweeper. Posts go out <see cref="DeliveryOptions.ConcurrentPosts"/> at a time, each recorded
/// as sent before the next, so a crash repeats at most the card in flight. A failing delivery backs off over hours;
/// when it fails for good (or its fate is unknown) the focal agency is told, and can send it again.
/// </summary>
public sealed partial class DeliveryWorker(
    QueueDeliveryOutbox outbox,
    IDeliveryLog log,
    IServiceScopeFactory scopes,
    IOptions<DeliveryOptions> options,
    IOptions<BotLanguageOptions> language,
    TimeProvider time,
    ILogger<DeliveryWorker> logger) : BackgroundService
{
    private const int Lanes = 4;

    /// <summary>Messages this instance prepares or sends at once.</summary>
    private const int InProgress = 32;
    private readonly SemaphoreSlim posting = new(Math.Max(1, options.Value.ConcurrentPosts));
    private readonly SemaphoreSlim working = new(InProgress, InProgress);

    public override void Dispose()
    {
        posting.Dispose();
        working.Dispose();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!settings.Enabled)
        {
            return;
        }

        // Several lanes pull and prepare independently, so one send waiting on a Retry-After does not hold up the others' preparation.
        await Task.WhenAll(Enumerable.Range(0, Lanes).Select(_ => LaneAsync(settings, stoppingToken)).Append(SweepAsync(settings, stoppingToken)));
        // The deliveries under way finish (or stop at their cancellation) before the worker does.
        for (var i = 0; i < InProgress; i++)
        {
            await working.WaitAsync(CancellationToken.None);
        }
    }

    private async Task LaneAsync(DeliveryOptions settings, CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                // Received when there is room, and each started at once: a delivery waiting on a Retry-After or a slow
                // conversation holds its own place only, never a whole batch.
                await working.WaitAsync(stoppingToken);
                IReadOnlyList<OutboxMessage> messages;
                try
                {
                    messages = await outbox.ReceiveAsync(Math.Min(8, working.CurrentCount + 1), settings.VisibilityTimeout, stoppingToken);
                }
                catch
                {
                    working.Release();
                    throw;
                }

                if (messages.Count == 0)
                {
                    working.Release();
                    // The pace of polling, not business time: the real clock, so a test's fake clock cannot stall the loop.
                    await Task.Delay(settings.PollInterval, TimeProvider.System, stoppingToken);
                    continue;
                }

                for (var i = 0; i < messages.Count; i++)
                {
                    if (i > 0)
                    {
                        await working.WaitAsync(stoppingToken);
                    }

                    _ = WorkAsync(messages[i], stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception) when (CoordinationBot.Storage.StorageFailure.IsOutage(exception))
            {
                StorageUnavailable(logger, exception);
                await Task.Delay(TimeSpan.FromSeconds(5), TimeProvider.System, stoppingToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // A lane that stopped would stop sending for good: it goes on.
                LaneFailed(logger, exception);
                await Task.Delay(TimeSpan.FromSeconds(5), TimeProvider.System, stoppingToken);
            }
        }
    }

    /// <summary>One message, in the place its lane took for it; what fails is logged and the message reappears.</summary>
    private async Task WorkAsync(OutboxMessage message, CancellationToken stoppingToken)
    {
        try
        {
            await ProcessAsync(message, stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        catch (Exception exception) when (CoordinationBot.Storage.StorageFailure.IsOutage(exception))
        {
            StorageUnavailable(logger, exception);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            LaneFailed(logger, exception);
        }
        finally
        {
            working.Release();
        }
    }

    /// <summary>Delivery rows nobody sent by their stall time (a lost message, a crash before enqueueing): enqueued again.</summary>
    private async Task SweepAsync(DeliveryOptions settings, CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(settings.SweepInterval, TimeProvider.System, stoppingToken);
                foreach (var stalled in await log.ListStalledAsync(500, stoppingToken))
                {
                    if (await log.PostponeAsync(stalled, settings.StalledAfter, stoppingToken))
                    {
                        await outbox.EnqueueAsync(stalled.Delivery, stoppingToken);
                        Requeued(logger, stalled.Delivery.RoundId, stalled.Delivery.Id);
                    }
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception) when (CoordinationBot.Storage.StorageFailure.IsOutage(exception))
            {
                StorageUnavailable(logger, exception);
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
        var activity = await BuildAsync(scope.ServiceProvider, delivery, leaseToken);
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

    /// <summary>The note a status card carries: the reminder's text, or which support's part has come (a chain round).</summary>
    private static string? CardNote(Delivery delivery, System.Globalization.CultureInfo culture) =>
        delivery.Kind == DeliveryKind.Contribution ? string.Format(culture, BotText.Get("ChainPartArrived", culture), delivery.Note) : delivery.Note;

    private async Task<Activity?> BuildAsync(IServiceProvider services, Delivery delivery, CancellationToken cancellationToken)
    {
        var culture = language.Value.CultureFor(null);
        JsonCard? card = delivery.Kind switch
        {
            DeliveryKind.OverdueDigest or DeliveryKind.Overdue or DeliveryKind.LeaderNotice => new JsonCard(NoticeCard.Create(delivery.Note ?? string.Empty), delivery.Note),
            DeliveryKind.ExplanationRequest => new JsonCard(ExplanationCard.Create(delivery.RoundId, delivery.Note ?? string.Empty, time.Today(), culture), delivery.Note),
            DeliveryKind.FailureNotice => await services.GetRequiredService<FailureNotices>().CardAsync(delivery.RoundId, cancellationToken) is { } notice ? new JsonCard(notice.Card, notice.Summary) : null,
            _ => await services.GetRequiredService<StatusCardBuilder>().LoadAsync(delivery.RoundId, delivery.Agency, CardNote(delivery, culture), delivery.Kind == DeliveryKind.Reminder, cancellationToken) is { } model
                ? new JsonCard(StatusCard.Create(model, culture), model.Note ?? $"{BotText.Get(delivery.Kind == DeliveryKind.Returned ? "ReturnedSummary" : "StatusTitle", culture)}: {model.PlanLabel}")
                : null,
        };
        if (card is null)
        {
            return null;
        }

        var reference = delivery.Conversation;
        return new Activity
        {
            Type = ActivityTypes.Message,
            ServiceUrl = reference.ServiceUrl,
            ChannelId = reference.ChannelId,
            Conversation = new ConversationAccount { Id = reference.ConversationId, TenantId = reference.TenantId },
            From = new ChannelAccount { Id = reference.BotId },
            Recipient = reference.UserId is null ? null : new ChannelAccount { Id = reference.UserId, AadObjectId = reference.AadObjectId },
            Attachments = [Attachment.AdaptiveCard(card.Card)],
            Summary = card.Summary,
        };
    }

    /// <summary>Hides the message until the next attempt; if that fails, the row's stall time brings it back.</summary>
    private async Task RetryLaterAsync(OutboxMessage message, TimeSpan delay, CancellationToken cancellationToken)
    {
        try
        {
            await outbox.DelayAsync(message, delay, cancellationToken);
        }
        catch (Azure.RequestFailedException failure)
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

    private sealed record JsonCard(System.Text.Json.Nodes.JsonObject Card, string? Summary);

    [LoggerMessage(1, LogLevel.Warning, "Storage unavailable for the delivery worker; retrying")]
    private static partial void StorageUnavailable(ILogger logger, Exception exception);

    [LoggerMessage(4, LogLevel.Warning, "Delivery {DeliveryId} of round {RoundId} was taken over by another instance after its lease ran out; this one stopped sending it")]
    private static partial void ClaimLost(ILogger logger, string roundId, string deliveryId);

    [LoggerMessage(2, LogLevel.Warning, "Sending a status card of round {RoundId} failed; it will be retried")]
    private static partial void SendFailed(ILogger logger, Exception exception, string roundId);

    [LoggerMessage(5, LogLevel.Information, "Delivery {DeliveryId} of round {RoundId} had stalled; enqueued again")]
    private static partial void Requeued(ILogger logger, string roundId, string deliveryId);

    [LoggerMessage(7, LogLevel.Error, "A delivery lane failed unexpectedly; it goes on with the next messages")]
    private static partial void LaneFailed(ILogger logger, Exception exception);

    [LoggerMessage(6, LogLevel.Warning, "Delaying outbox message {MessageId} failed; the delivery row brings it back")]
    private static partial void DelayFailed(ILogger logger, Exception exception, string messageId);
}
