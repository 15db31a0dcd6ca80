namespace CoordinationBot.Host.Workers;

/// <summary>Configuration section <c>Delivery</c>: the status-card sender.</summary>
public sealed class DeliveryOptions
{
    public const string SectionName = "Delivery";

    public bool Enabled { get; set; } = true;

    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long a received message stays hidden from other instances (and a claimed send is leased).</summary>
    public TimeSpan VisibilityTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Attempts before a delivery fails for good and its message goes to the poison queue.</summary>
    public int MaxAttempts { get; set; } = 5;

    /// <summary>This instance's share of the app's ~50 requests a second to Teams (divide among instances).</summary>
    public double AppRequestsPerSecond { get; set; } = 47.6;
}
