using System.Text.Json.Nodes;

namespace CoordinationBot.BotFramework.Schema;

/// <summary>Body of <c>POST /v3/conversations</c>: a proactive 1:1 conversation in Teams.</summary>
public sealed record ConversationParameters
{
    public bool IsGroup { get; init; }

    public ChannelAccount? Bot { get; init; }

    public IReadOnlyList<ChannelAccount>? Members { get; init; }

    public string? TenantId { get; init; }

    public JsonObject? ChannelData { get; init; }

    public Activity? Activity { get; init; }
}
