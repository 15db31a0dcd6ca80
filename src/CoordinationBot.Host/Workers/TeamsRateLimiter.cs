using System.Threading.RateLimiting;

namespace CoordinationBot.Host.Workers;

/// <summary>
/// Teams' limits for a bot, in this process: per conversation 7 sends a second and 60 in 30 seconds; about 50
/// requests a second for the whole app. Waiting here keeps most sends from ever meeting a 429.
/// </summary>
public sealed class TeamsRateLimiter : IDisposable
{
    private readonly PartitionedRateLimiter<string> limiter = PartitionedRateLimiter.CreateChained(
        PartitionedRateLimiter.Create<string, string>(_ => RateLimitPartition.GetTokenBucketLimiter("app", _ => new TokenBucketRateLimiterOptions
        {
            // A bucket of 4 refilled at 46 a second: bucket + one second's refill = 50, so no one-second window exceeds Teams' 50.
            TokenLimit = 4, TokensPerPeriod = 4, ReplenishmentPeriod = TimeSpan.FromMilliseconds(87), QueueLimit = int.MaxValue, AutoReplenishment = true,
        })),
        PartitionedRateLimiter.Create<string, string>(conversation => RateLimitPartition.GetTokenBucketLimiter(conversation, _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = 7, TokensPerPeriod = 7, ReplenishmentPeriod = TimeSpan.FromSeconds(1), QueueLimit = int.MaxValue, AutoReplenishment = true,
        })),
        PartitionedRateLimiter.Create<string, string>(conversation => RateLimitPartition.GetFixedWindowLimiter(conversation, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = 60, Window = TimeSpan.FromSeconds(30), QueueLimit = int.MaxValue, AutoReplenishment = true,
        })));

    /// <summary>Waits until a send into <paramref name="conversationId"/> is within the limits.</summary>
    public async ValueTask<RateLimitLease> AcquireAsync(string conversationId, CancellationToken cancellationToken) =>
        await limiter.AcquireAsync(conversationId, 1, cancellationToken);

    public void Dispose() => limiter.Dispose();
}
