using System.Text.Json.Serialization;

namespace CoordinationBot.BotFramework.Schema;

/// <summary>A user or bot in a channel (Bot Connector <c>ChannelAccount</c>).</summary>
public sealed record ChannelAccount
{
    public string? Id { get; init; }

    public string? Name { get; init; }

    [JsonPropertyName("aadObjectId")]
    public string? AadObjectId { get; init; }

    public string? Role { get; init; }
}
