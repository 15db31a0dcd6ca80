using CoordinationBot.Core.Conversations;
using CoordinationBot.Storage.Tables;

namespace CoordinationBot.Storage.Conversations;

/// <summary>Row of table <c>conversations</c>: partition = tenant, row = conversation id (both key-encoded).</summary>
public sealed record ConversationReferenceEntity : IStoredEntity
{
    public required string PartitionKey { get; init; }

    public required string RowKey { get; init; }

    public required string ChannelId { get; init; }

    public required string ServiceUrl { get; init; }

    public required string ConversationId { get; init; }

    public required string ConversationType { get; init; }

    public required string TenantId { get; init; }

    public required string BotId { get; init; }

    public string? UserId { get; init; }

    public string? AadObjectId { get; init; }

    public string? TeamId { get; init; }

    public DateTimeOffset UpdatedAt { get; init; }

    public static ConversationReferenceEntity From(ConversationReference reference)
    {
        ArgumentNullException.ThrowIfNull(reference);
        return new()
        {
            PartitionKey = TableKey.Encode(reference.TenantId),
            RowKey = TableKey.Encode(reference.ConversationId),
            ChannelId = reference.ChannelId,
            ServiceUrl = reference.ServiceUrl,
            ConversationId = reference.ConversationId,
            ConversationType = reference.ConversationType,
            TenantId = reference.TenantId,
            BotId = reference.BotId,
            UserId = reference.UserId,
            AadObjectId = reference.AadObjectId,
            TeamId = reference.TeamId,
            UpdatedAt = reference.UpdatedAt,
        };
    }

    public ConversationReference ToReference() =>
        new(ChannelId, ServiceUrl, ConversationId, ConversationType, TenantId, BotId, UserId, AadObjectId, TeamId, UpdatedAt);
}
