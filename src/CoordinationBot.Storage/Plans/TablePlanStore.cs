using Azure.Data.Tables;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using CoordinationBot.Core.Plans;
using CoordinationBot.Core.Plans.Import;
using CoordinationBot.Storage.Tables;

namespace CoordinationBot.Storage.Plans;

/// <summary>
/// The plan registry in Azure Tables. A version is written tasks first (batches of 100 in the version's partition),
/// then the plan row (with the hash of the bytes it was read from, so a re-import is found): readers only see a version once its plan row exists, so an interrupted import
/// leaves nothing visible. A stored version never changes, so each is read from storage once per process.
/// </summary>
public sealed class TablePlanStore(StorageTables service) : IPlanStore
{
    private readonly EntityTable plans = service.GetTable("plans");
    private readonly EntityTable tasks = service.GetTable("plantasks");
    private readonly System.Collections.Concurrent.ConcurrentDictionary<(string Key, int Version), StoredPlan> versions = new();

    public async Task<StoredPlan?> FindBySourceHashAsync(string sourceHash, CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter($"SourceHash eq {sourceHash}");
        await foreach (var entry in plans.QueryAsync(filter, StorageJsonContext.Default.PlanVersionEntity, cancellationToken))
        {
            return await GetAsync(entry.Value.Key, entry.Value.Version, cancellationToken);
        }

        return null;
    }

    public async Task<int> LatestVersionAsync(string key, CancellationToken cancellationToken)
    {
        var latest = 0;
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {TableKey.Encode(key)}");
        await foreach (var entry in plans.QueryAsync(filter, StorageJsonContext.Default.PlanVersionEntity, cancellationToken))
        {
            latest = Math.Max(latest, entry.Value.Version);
        }

        return latest;
    }

    public async Task<StoredPlan?> GetLatestAsync(string key, CancellationToken cancellationToken)
    {
        PlanEntity? latest = null;
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {TableKey.Encode(key)}");
        await foreach (var entry in plans.QueryAsync(filter, StorageJsonContext.Default.PlanEntity, cancellationToken))
        {
            if (latest is null || entry.Value.Version > latest.Version)
            {
                latest = entry.Value;
            }
        }

        return latest is null ? null : await LoadAsync(latest, cancellationToken);
    }

    public async Task<StoredPlan?> GetAsync(string key, int version, CancellationToken cancellationToken)
    {
        if (versions.TryGetValue((key, version), out var known))
        {
            return known;
        }

        var entry = await plans.GetAsync(TableKey.Encode(key), Row(version), StorageJsonContext.Default.PlanEntity, cancellationToken);
        return entry is null ? null : await LoadAsync(entry.Value, cancellationToken);
    }

    public async Task SaveAsync(StoredPlan plan, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var partition = TasksPartition(plan.Key, plan.Version);
        var rows = plan.Plan.Tasks.Select((task, i) => new PlanTaskEntity
        {
            PartitionKey = partition,
            RowKey = i.ToString("D5", CultureInfo.InvariantCulture),
            Task = PackedText.Pack(JsonSerializer.Serialize(task, StorageJsonContext.Default.PlanTask)),
        });
        foreach (var chunk in rows.Chunk(TableBatch.MaxChanges))
        {
            var batch = new TableBatch();
            foreach (var row in chunk)
            {
                batch.Upsert(row, StorageJsonContext.Default.PlanTaskEntity);
            }

            await tasks.SubmitAsync(batch, cancellationToken);
        }

        await plans.AddAsync(
            new PlanEntity
            {
                PartitionKey = TableKey.Encode(plan.Key),
                RowKey = Row(plan.Version),
                Key = plan.Key,
                Version = plan.Version,
                SourceHash = plan.SourceHash,
                FileName = plan.FileName,
                ImportedAt = plan.ImportedAt,
                ImportedBy = plan.ImportedBy,
                TaskCount = plan.Plan.Tasks.Count,
                Facts = PackedText.Pack(JsonSerializer.Serialize(plan.Plan with { Tasks = [] }, StorageJsonContext.Default.Plan)),
            },
            StorageJsonContext.Default.PlanEntity,
            cancellationToken);
    }

    public async IAsyncEnumerable<StoredPlan> ListLatestAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var latest = new Dictionary<string, PlanEntity>(StringComparer.Ordinal);
        await foreach (var entry in plans.QueryAsync(null, StorageJsonContext.Default.PlanEntity, cancellationToken))
        {
            if (!latest.TryGetValue(entry.Value.Key, out var known) || entry.Value.Version > known.Version)
            {
                latest[entry.Value.Key] = entry.Value;
            }
        }

        foreach (var entity in latest.Values.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            yield return await LoadAsync(entity, cancellationToken);
        }
    }

    private async Task<StoredPlan> LoadAsync(PlanEntity entity, CancellationToken cancellationToken)
    {
        var facts = JsonSerializer.Deserialize(PackedText.Unpack(entity.Facts), StorageJsonContext.Default.Plan)
            ?? throw new TableStorageException($"Plan {entity.Key} v{entity.Version} has no facts.");
        var list = new List<PlanTask>(entity.TaskCount);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {TasksPartition(entity.Key, entity.Version)}");
        await foreach (var entry in tasks.QueryAsync(filter, StorageJsonContext.Default.PlanTaskEntity, cancellationToken))
        {
            list.Add(JsonSerializer.Deserialize(PackedText.Unpack(entry.Value.Task), StorageJsonContext.Default.PlanTask)!);
        }

        var stored = new StoredPlan(entity.Key, entity.Version, entity.SourceHash, entity.FileName, entity.ImportedAt, entity.ImportedBy, facts with { Tasks = list });
        if (versions.Count < MaxCachedVersions)
        {
            versions.TryAdd((entity.Key, entity.Version), stored);
        }

        return stored;
    }

    private const int MaxCachedVersions = 1000;

    private static string Row(int version) => version.ToString("D6", CultureInfo.InvariantCulture);

    private static string TasksPartition(string key, int version) => TableKey.Encode(key) + "~" + Row(version);
}
