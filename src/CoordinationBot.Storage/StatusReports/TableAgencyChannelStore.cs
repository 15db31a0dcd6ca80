using System.Text.Json;
using CoordinationBot.Core.Conversations;
using CoordinationBot.Core.StatusReports;
using CoordinationBot.Storage.Tables;

namespace CoordinationBot.Storage.StatusReports;

/// <summary>Registered agency channels (table <c>agencychannels</c>): row = agency.</summary>
public sealed class TableAgencyChannelStore(StorageTables service) : IAgencyChannelStore
{
    private readonly EntityTable table = service.GetTable("agencychannels2");

    public Task SaveAsync(string tenantId, string agency, ConversationReference channel, CancellationToken cancellationToken) =>
        table.UpsertAsync(
            new AgencyChannelEntity { PartitionKey = TableKey.Encode(tenantId), RowKey = TableKey.Encode(agency), Channel = JsonSerializer.Serialize(channel, StorageJsonContext.Default.ConversationReference) },
            StorageJsonContext.Default.AgencyChannelEntity,
            cancellationToken);

    public async Task<ConversationReference?> GetAsync(string tenantId, string agency, CancellationToken cancellationToken)
    {
        var entry = await table.GetAsync(TableKey.Encode(tenantId), TableKey.Encode(agency), StorageJsonContext.Default.AgencyChannelEntity, cancellationToken);
        return entry is null ? null : JsonSerializer.Deserialize(entry.Value.Channel, StorageJsonContext.Default.ConversationReference);
    }
}

public sealed record AgencyChannelEntity : IStoredEntity
{
    public required string PartitionKey { get; init; }

    public required string RowKey { get; init; }

    public required string Channel { get; init; }
}
