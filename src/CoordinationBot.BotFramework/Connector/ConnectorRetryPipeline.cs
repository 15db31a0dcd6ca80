using System.Net;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace CoordinationBot.BotFramework.Connector;

/// <summary>
/// Retries of connector calls as Teams asks: 429 waits for Retry-After (bounded), 412/500/502/503/504 and timeouts
/// back off exponentially with jitter; attempts are bounded. The attempt timeout is a separate pipeline so that
/// waiting for the rate limiter between the two is never counted as a slow connector.
/// </summary>
public sealed class ConnectorRetryPipeline(ResiliencePipeline<HttpResponseMessage> retry, ResiliencePipeline attemptTimeout)
{
    private static readonly HashSet<HttpStatusCode> Transient =
    [
        HttpStatusCode.TooManyRequests,
        HttpStatusCode.PreconditionFailed,
        HttpStatusCode.InternalServerError,
        HttpStatusCode.BadGateway,
        HttpStatusCode.ServiceUnavailable,
        HttpStatusCode.GatewayTimeout,
    ];

    public static bool IsTransient(HttpStatusCode statusCode) => Transient.Contains(statusCode);

    public ResiliencePipeline<HttpResponseMessage> Retry { get; } = retry;

    public ResiliencePipeline AttemptTimeout { get; } = attemptTimeout;

    public static ConnectorRetryPipeline Create(BotFrameworkOptions options, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new(new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = timeProvider }
            .AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = options.MaxConnectorRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.ConnectorBaseDelay,
                MaxDelay = options.MaxRetryAfter,
                ShouldHandle = new PredicateBuilder<HttpResponseMessage>()
                    .Handle<HttpRequestException>()
                    .Handle<TimeoutRejectedException>()
                    .HandleResult(response => IsTransient(response.StatusCode)),
                DelayGenerator = args => ValueTask.FromResult(RetryAfter(args.Outcome.Result, timeProvider, options.MaxRetryAfter)),
                OnRetry = args =>
                {
                    args.Outcome.Result?.Dispose();
                    return default;
                },
            })
            .Build(),
            new ResiliencePipelineBuilder { TimeProvider = timeProvider }.AddTimeout(options.ConnectorAttemptTimeout).Build());
    }

    /// <summary>The server's Retry-After, capped; null lets the exponential backoff decide.</summary>
    internal static TimeSpan? RetryAfter(HttpResponseMessage? response, TimeProvider timeProvider, TimeSpan cap)
    {
        var header = response?.Headers.RetryAfter;
        TimeSpan? wait = header?.Delta ?? (header?.Date is { } date ? date - timeProvider.GetUtcNow() : null);
        if (wait is null)
        {
            return null;
        }

        return wait < TimeSpan.Zero ? TimeSpan.Zero : (wait > cap ? cap : wait);
    }
}
