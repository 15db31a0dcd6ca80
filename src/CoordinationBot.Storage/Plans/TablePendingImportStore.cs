using CoordinationBot.Core.Plans.Import;
using CoordinationBot.Storage.Tables;

namespace CoordinationBot.Storage.Plans;

/// <summary>Pending plan imports in table <c>pendingimports</c>, one partition.</summary>
public sealed class TablePendingImportStore(StorageTables service) : IPendingImportStore
{
    private const string Partition = "pending";
    private readonly EntityTable table = service.GetTable("pendingimports");

    public Task SaveAsync(PendingImport pending, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(pending);
        var entity = new PendingImportEntity
        {
            PartitionKey = Partition,
            RowKey = TableKey.Encode(pending.Id),
            DownloadUrl = pending.DownloadUrl,
            FileName = pending.FileName,
            SourceHash = pending.SourceHash,
            UploaderAadObjectId = pending.UploaderAadObjectId,
            CreatedAt = pending.CreatedAt,
        };
        return table.UpsertAsync(entity, StorageJsonContext.Default.PendingImportEntity, cancellationToken);
    }

    public async Task<PendingImport?> GetAsync(string id, CancellationToken cancellationToken)
    {
        var entry = await table.GetAsync(Partition, TableKey.Encode(id), StorageJsonContext.Default.PendingImportEntity, cancellationToken);
        return entry is null ? null : entry.Value.ToPending(id);
    }

    public Task<bool> RemoveAsync(string id, CancellationToken cancellationToken) =>
        table.DeleteAsync(Partition, TableKey.Encode(id), etag: null, cancellationToken);
}

public sealed record PendingImportEntity : IStoredEntity
{
    public required string PartitionKey { get; init; }

    public required string RowKey { get; init; }

    public required string DownloadUrl { get; init; }

    public required string FileName { get; init; }

    public required string SourceHash { get; init; }

    public required string UploaderAadObjectId { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public PendingImport ToPending(string id) => new(id, DownloadUrl, FileName, SourceHash, UploaderAadObjectId, CreatedAt);
}
