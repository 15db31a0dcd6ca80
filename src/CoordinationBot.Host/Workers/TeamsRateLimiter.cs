using System.Diagnostics;
using System.Threading.RateLimiting;

namespace CoordinationBot.Host.Workers;

/// <summary>
/// Teams' limits for a bot: per conversation 7 sends a second and 60 in 30 seconds; about 50 requests a second for
/// the whole app, paced evenly (by default one slot every 21 ms, a little under 50 a second) so no burst ever puts
/// more than 50 into a one-second window. With several instances, <c>Delivery:AppRequestsPerSecond</c> is each
/// instance's share. Waiting here keeps most sends from ever meeting a 429.
/// </summary>
public sealed class TeamsRateLimiter(Microsoft.Extensions.Options.IOptions<DeliveryOptions> options) : IDisposable
{
    private readonly long spacing = (long)(Stopwatch.Frequency / Math.Clamp(options.Value.AppRequestsPerSecond, 0.1, 50));
    private readonly Lock gate = new();
    private long nextSlot;

    private readonly PartitionedRateLimiter<string> perConversation = PartitionedRateLimiter.CreateChained(
        PartitionedRateLimiter.Create<string, string>(conversation => RateLimitPartition.GetTokenBucketLimiter(conversation, _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = 7, TokensPerPeriod = 7, ReplenishmentPeriod = TimeSpan.FromSeconds(1), QueueLimit = int.MaxValue, AutoReplenishment = true,
        })),
        PartitionedRateLimiter.Create<string, string>(conversation => RateLimitPartition.GetFixedWindowLimiter(conversation, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = 60, Window = TimeSpan.FromSeconds(30), QueueLimit = int.MaxValue, AutoReplenishment = true,
        })));

    /// <summary>Waits until a send into <paramref name="conversationId"/> is within the limits.</summary>
    public async ValueTask<RateLimitLease> AcquireAsync(string conversationId, CancellationToken cancellationToken)
    {
        var lease = await perConversation.AcquireAsync(conversationId, 1, cancellationToken);
        long slot;
        lock (gate)
        {
            var now = Stopwatch.GetTimestamp();
            slot = Math.Max(now, nextSlot);
            nextSlot = slot + spacing;
        }

        var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), slot);
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait, cancellationToken);
        }

        return lease;
    }

    public void Dispose() => perConversation.Dispose();
}
