namespace CoordinationBot.Core.Conversations;

/// <summary>Port: conversation references survive restarts, so they live in storage.</summary>
public interface IConversationReferenceStore
{
    Task SaveAsync(ConversationReference reference, CancellationToken cancellationToken);

    Task<ConversationReference?> GetAsync(string tenantId, string conversationId, CancellationToken cancellationToken);

    /// <summary>Removes the reference; returns false when there was none.</summary>
    Task<bool> RemoveAsync(string tenantId, string conversationId, CancellationToken cancellationToken);

    IAsyncEnumerable<ConversationReference> ListAsync(string tenantId, CancellationToken cancellationToken);
}
