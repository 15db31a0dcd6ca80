using CoordinationBot.Core.StatusReports;
using Microsoft.Extensions.Options;

namespace CoordinationBot.Host.Features.Deliveries;

/// <summary>
/// Sends status cards from the outbox. Any number of bot instances may run it: a delivery is sent only by the
/// instance that claimed it; a message an instance dropped reappears for another, and a delivery row whose message was
/// lost is found by the sweeper. Posts go out <see cref="DeliveryOptions.ConcurrentPosts"/> at a time, each recorded
/// as sent before its place is given to the next, so a crash repeats at most the cards in flight. A failing delivery backs off over hours;
/// when it fails for good (or its fate is unknown) the focal agency is told, and can send it again.
/// </summary>
public sealed partial class DeliveryWorker(
    IOutboxReceiver outbox,
    IDeliveryLog log,
    DeliverySender sender,
    IOptions<DeliveryOptions> options,
    ILogger<DeliveryWorker> logger) : BackgroundService
{
    private const int Lanes = 4;

    /// <summary>Messages this instance prepares or sends at once.</summary>
    private const int InProgress = 32;
    private readonly SemaphoreSlim working = new(InProgress, InProgress);

    public override void Dispose()
    {
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
            await sender.ProcessAsync(message, stoppingToken);
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

    [LoggerMessage(1, LogLevel.Warning, "Storage unavailable for the delivery worker; retrying")]
    private static partial void StorageUnavailable(ILogger logger, Exception exception);

    [LoggerMessage(5, LogLevel.Information, "Delivery {DeliveryId} of round {RoundId} had stalled; enqueued again")]
    private static partial void Requeued(ILogger logger, string roundId, string deliveryId);

    [LoggerMessage(7, LogLevel.Error, "A delivery lane failed unexpectedly; it goes on with the next messages")]
    private static partial void LaneFailed(ILogger logger, Exception exception);
}
