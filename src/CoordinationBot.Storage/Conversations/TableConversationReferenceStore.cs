using Azure.Data.Tables;
using System.Runtime.CompilerServices;
using CoordinationBot.Core.Conversations;
using CoordinationBot.Storage.Tables;

namespace CoordinationBot.Storage.Conversations;

/// <summary>Conversation references in Azure Tables, one partition per tenant.</summary>
public sealed class TableConversationReferenceStore(StorageTables service) : IConversationReferenceStore
{
    public const string TableName = "conversations";
    private readonly EntityTable table = service.GetTable(TableName);

    public Task SaveAsync(ConversationReference reference, CancellationToken cancellationToken) =>
        table.UpsertAsync(ConversationReferenceEntity.From(reference), StorageJsonContext.Default.ConversationReferenceEntity, cancellationToken);

    public async Task<ConversationReference?> GetAsync(string tenantId, string conversationId, CancellationToken cancellationToken)
    {
        var entry = await table.GetAsync(TableKey.Encode(tenantId), TableKey.Encode(conversationId), StorageJsonContext.Default.ConversationReferenceEntity, cancellationToken);
        return entry?.Value.ToReference();
    }

    public Task<bool> RemoveAsync(string tenantId, string conversationId, CancellationToken cancellationToken) =>
        table.DeleteAsync(TableKey.Encode(tenantId), TableKey.Encode(conversationId), etag: null, cancellationToken);

    public async IAsyncEnumerable<ConversationReference> ListAsync(string tenantId, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {TableKey.Encode(tenantId)}");
        await foreach (var entry in table.QueryAsync(filter, StorageJsonContext.Default.ConversationReferenceEntity, cancellationToken))
        {
            yield return entry.Value.ToReference();
        }
    }
}
