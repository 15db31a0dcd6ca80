namespace CoordinationBot.BotFramework.Schema;

/// <summary>The parts of Teams' <c>channelData</c> the bot reads.</summary>
public sealed record TeamsChannelData
{
    public TenantInfo? Tenant { get; init; }

    public TeamInfo? Team { get; init; }

    public TeamInfo? Channel { get; init; }

    public string? EventType { get; init; }
}

public sealed record TenantInfo(string? Id);

public sealed record TeamInfo(string? Id, string? Name);
