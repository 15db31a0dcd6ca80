using Azure.Data.Tables;
using CoordinationBot.Core.Evidence;
using CoordinationBot.Storage.Tables;

namespace CoordinationBot.Storage.Evidence;

/// <summary>
/// Evidence files of a round in Azure Tables (table <c>evidencefiles</c>; the files themselves are blobs): partition =
/// round, row = agency~time~random. Rows are only ever added.
/// </summary>
public sealed class TableEvidenceFileStore(StorageTables service) : IEvidenceFileStore
{
    private readonly EntityTable table = service.GetTable("evidencefiles");

    public async Task AddAsync(EvidenceFile file, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(file);
        var entity = new EvidenceFileEntity
        {
            PartitionKey = TableKey.Encode(file.RoundId),
            RowKey = TableKey.TimedRow(file.Agency, file.At),
            Agency = file.Agency,
            TaskId = file.TaskId,
            FileId = file.FileId,
            FileName = file.FileName,
            Size = file.Size,
            By = file.By,
            ByName = file.ByName,
            At = file.At,
        };
        await table.AddAsync(entity, StorageJsonContext.Default.EvidenceFileEntity, cancellationToken);
    }

    public async Task<IReadOnlyList<EvidenceFile>> ListAsync(string roundId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(roundId);
        var list = new List<EvidenceFile>();
        await foreach (var entry in table.QueryAsync(TableClient.CreateQueryFilter($"PartitionKey eq {TableKey.Encode(roundId)}"), StorageJsonContext.Default.EvidenceFileEntity, cancellationToken))
        {
            var e = entry.Value;
            list.Add(new EvidenceFile(roundId, e.Agency, e.TaskId, e.FileId, e.FileName, e.Size, e.By, e.ByName, e.At));
        }

        return [.. list.OrderBy(f => f.At)];
    }
}

/// <summary>One evidence file: partition = round, row = agency~time~random; the blob's id and the file's name.</summary>
public sealed record EvidenceFileEntity : IStoredEntity
{
    public required string PartitionKey { get; init; }

    public required string RowKey { get; init; }

    public required string Agency { get; init; }

    public required string TaskId { get; init; }

    public required string FileId { get; init; }

    public required string FileName { get; init; }

    public long Size { get; init; }

    public required string By { get; init; }

    public string? ByName { get; init; }

    public DateTimeOffset At { get; init; }
}
