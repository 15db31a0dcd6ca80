namespace CoordinationBot.Host.Features.Deliveries;

/// <summary>Configuration section <c>Delivery</c>: the status-card sender.</summary>
public sealed class DeliveryOptions
{
    public const string SectionName = "Delivery";

    public bool Enabled { get; set; } = true;

    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long a received message stays hidden from other instances (and a claimed send is leased).</summary>
    public TimeSpan VisibilityTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Attempts before a delivery fails for good and its message goes to the poison queue.</summary>
    public int MaxAttempts { get; set; } = 40;

    /// <summary>A retrying delivery fails for good this long after its first attempt (a Teams outage of hours is outlasted).</summary>
    public TimeSpan GiveUpAfter { get; set; } = TimeSpan.FromHours(12);

    /// <summary>The wait after the first failed attempt; it doubles with each attempt (with jitter) up to <see cref="MaxRetryBackoff"/>.</summary>
    public TimeSpan RetryBackoff { get; set; } = TimeSpan.FromSeconds(30);

    public TimeSpan MaxRetryBackoff { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>A delivery row nobody has sent this long after it was due counts as stalled, and the sweeper enqueues it again.</summary>
    public TimeSpan StalledAfter { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How often this instance looks for stalled delivery rows.</summary>
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Cards posted at once by this instance, each until its "sent" is recorded. A crash repeats at most these cards
    /// (Teams cannot tell a bot whether a post it never heard back from arrived). Teams answers a post in 100-300 ms:
    /// one in flight would cap an instance near 5 cards a second, far below its share of the rate limit; sixteen keep
    /// ~50 a second going at 300 ms a post and its record.
    /// </summary>
    public int ConcurrentPosts { get; set; } = 16;

    /// <summary>This instance's share of the app's ~50 requests a second to Teams (divide among instances).</summary>
    public double AppRequestsPerSecond { get; set; } = 47.6;
}
