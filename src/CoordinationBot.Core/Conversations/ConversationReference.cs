namespace CoordinationBot.Core.Conversations;

/// <summary>
/// What the bot needs to write into a conversation later (proactively): where the channel's connector is,
/// which conversation, and who is in it.
/// </summary>
public sealed record ConversationReference(
    string ChannelId,
    string ServiceUrl,
    string ConversationId,
    string ConversationType,
    string TenantId,
    string BotId,
    string? UserId,
    string? AadObjectId,
    string? TeamId,
    DateTimeOffset UpdatedAt)
{
    /// <summary>The tenant of conversations that carry none (emulators, local development).</summary>
    public const string NoTenant = "no-tenant";
}
