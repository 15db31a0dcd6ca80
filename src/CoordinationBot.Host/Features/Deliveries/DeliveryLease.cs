using CoordinationBot.Core.StatusReports;

namespace CoordinationBot.Host.Features.Deliveries;

/// <summary>
/// Keeps a claimed delivery and its outbox message while the card is being sent: both are renewed every third of the
/// lease, so a send that waits on Teams' limits or a long Retry-After never runs past them and is taken by another
/// instance too. If the claim is lost all the same (this instance stalled past its lease), <see cref="Token"/> is
/// cancelled so the send stops.
/// </summary>
public sealed partial class DeliveryLease : IAsyncDisposable
{
    private readonly IDeliveryLog log;
    private readonly IOutboxReceiver outbox;
    private readonly TimeSpan lease;
    private readonly ILogger logger;
    private readonly CancellationTokenSource lost;
    private readonly CancellationTokenSource done = new();
    private readonly Task renewing;
    private DeliveryClaim claim;
    private bool messageHeld = true;

    private DeliveryLease(IDeliveryLog log, IOutboxReceiver outbox, DeliveryClaim claim, OutboxMessage message, TimeSpan lease, ILogger logger, CancellationToken stopping)
    {
        this.log = log;
        this.outbox = outbox;
        this.claim = claim;
        this.lease = lease;
        this.logger = logger;
        Message = message;
        lost = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        renewing = RenewAsync();
    }

    /// <summary>The outbox message as last extended (its pop receipt changes with each extension).</summary>
    public OutboxMessage Message { get; private set; }

    /// <summary>Cancelled when the host stops or the claim is lost.</summary>
    public CancellationToken Token => lost.Token;

    public bool IsLost { get; private set; }

    public static DeliveryLease Hold(IDeliveryLog log, IOutboxReceiver outbox, DeliveryClaim claim, OutboxMessage message, TimeSpan lease, ILogger logger, CancellationToken stopping) =>
        new(log, outbox, claim, message, lease, logger, stopping);

    public async ValueTask DisposeAsync()
    {
        await done.CancelAsync();
        await renewing;
        lost.Dispose();
        done.Dispose();
    }

    private async Task RenewAsync()
    {
        while (true)
        {
            try
            {
                // The pace of renewal, not business time: the real clock, as for polling.
                await Task.Delay(lease / 3, TimeProvider.System, done.Token);
                var renewed = await log.RenewAsync(claim, lease, done.Token);
                if (renewed is null)
                {
                    IsLost = true;
                    await lost.CancelAsync();
                    return;
                }

                claim = renewed;
                await ExtendMessageAsync();
            }
            catch (OperationCanceledException) when (done.IsCancellationRequested)
            {
                return;
            }
            catch (Exception failure) when (Storage.StorageFailure.IsOutage(failure))
            {
                // Storage is having a moment: the lease still runs; try again at the next tick.
                RenewFailed(logger, failure, claim.DeliveryId);
            }
        }
    }

    private async Task ExtendMessageAsync()
    {
        if (!messageHeld)
        {
            return;
        }

        // Null: the message reappeared and was received again, so it can no longer be extended from here. The claim
        // still is, and it alone keeps the card from being sent twice.
        if (await outbox.ExtendAsync(Message, lease, done.Token) is { } extended)
        {
            Message = extended;
        }
        else
        {
            messageHeld = false;
        }
    }

    [LoggerMessage(3, LogLevel.Warning, "Renewing the claim on delivery {DeliveryId} failed; retrying")]
    private static partial void RenewFailed(ILogger logger, Exception exception, string deliveryId);
}
