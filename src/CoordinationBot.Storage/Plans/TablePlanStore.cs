using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using CoordinationBot.Core.Plans;
using CoordinationBot.Core.Plans.Import;
using CoordinationBot.Storage.Tables;

namespace CoordinationBot.Storage.Plans;

/// <summary>
/// The plan registry in Azure Tables. A version is written tasks first, then its hash, then the plan row: readers
/// only see a version once its plan row exists, so an interrupted import leaves nothing visible.
/// </summary>
public sealed class TablePlanStore(TableServiceClient service) : IPlanStore
{
    private readonly TableClient plans = service.GetTableClient("plans");
    private readonly TableClient tasks = service.GetTableClient("plantasks");
    private readonly TableClient hashes = service.GetTableClient("planhashes");

    public async Task<StoredPlan?> FindBySourceHashAsync(string sourceHash, CancellationToken cancellationToken)
    {
        var entry = await hashes.GetAsync("sha256", sourceHash, StorageJsonContext.Default.PlanHashEntity, cancellationToken);
        return entry is null ? null : await GetAsync(entry.Value.Key, entry.Value.Version, cancellationToken);
    }

    public async Task<StoredPlan?> GetLatestAsync(string key, CancellationToken cancellationToken)
    {
        PlanEntity? latest = null;
        var filter = TableFilter.Create($"PartitionKey eq {TableKey.Encode(key)}");
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
        var entry = await plans.GetAsync(TableKey.Encode(key), Row(version), StorageJsonContext.Default.PlanEntity, cancellationToken);
        return entry is null ? null : await LoadAsync(entry.Value, cancellationToken);
    }

    public async Task SaveAsync(StoredPlan plan, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var partition = TasksPartition(plan.Key, plan.Version);
        for (var i = 0; i < plan.Plan.Tasks.Count; i++)
        {
            var task = new PlanTaskEntity
            {
                PartitionKey = partition,
                RowKey = i.ToString("D5", CultureInfo.InvariantCulture),
                Task = JsonSerializer.Serialize(plan.Plan.Tasks[i], StorageJsonContext.Default.PlanTask),
            };
            await tasks.UpsertAsync(task, StorageJsonContext.Default.PlanTaskEntity, cancellationToken);
        }

        await hashes.UpsertAsync(
            new PlanHashEntity { PartitionKey = "sha256", RowKey = plan.SourceHash, Key = plan.Key, Version = plan.Version },
            StorageJsonContext.Default.PlanHashEntity,
            cancellationToken);

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
                Facts = JsonSerializer.Serialize(plan.Plan with { Tasks = [] }, StorageJsonContext.Default.Plan),
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
        var facts = JsonSerializer.Deserialize(entity.Facts, StorageJsonContext.Default.Plan)
            ?? throw new TableStorageException($"Plan {entity.Key} v{entity.Version} has no facts.");
        var list = new List<PlanTask>(entity.TaskCount);
        var filter = TableFilter.Create($"PartitionKey eq {TasksPartition(entity.Key, entity.Version)}");
        await foreach (var entry in tasks.QueryAsync(filter, StorageJsonContext.Default.PlanTaskEntity, cancellationToken))
        {
            list.Add(JsonSerializer.Deserialize(entry.Value.Task, StorageJsonContext.Default.PlanTask)!);
        }

        return new StoredPlan(entity.Key, entity.Version, entity.SourceHash, entity.FileName, entity.ImportedAt, entity.ImportedBy, facts with { Tasks = list });
    }

    private static string Row(int version) => version.ToString("D6", CultureInfo.InvariantCulture);

    private static string TasksPartition(string key, int version) => TableKey.Encode(key) + "~" + Row(version);
}
