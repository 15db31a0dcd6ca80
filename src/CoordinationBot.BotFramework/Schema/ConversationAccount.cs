namespace CoordinationBot.BotFramework.Schema;

/// <summary>A conversation (Bot Connector <c>ConversationAccount</c>); Teams sets <c>tenantId</c> and <c>conversationType</c>.</summary>
public sealed record ConversationAccount
{
    public string? Id { get; init; }

    public string? Name { get; init; }

    public bool? IsGroup { get; init; }

    public string? ConversationType { get; init; }

    public string? TenantId { get; init; }
}
