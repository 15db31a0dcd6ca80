using System.Globalization;
using System.Text.Json;
using Azure.Data.Tables;
using CoordinationBot.Core.Plans.Corrections;
using CoordinationBot.Storage.Tables;

namespace CoordinationBot.Storage.Plans;

/// <summary>
/// Plan corrections in Azure Tables (table <c>plancorrections</c>): partition = plan key, row = sequence number. Rows
/// are only ever added: two corrections made at once get the next free numbers (an insert that meets a taken number
/// reads again and takes the next).
/// </summary>
public sealed class TablePlanCorrectionStore(StorageTables service) : IPlanCorrectionStore
{
    private const int Attempts = 5;
    private readonly EntityTable table = service.GetTable("plancorrections");

    public async Task<IReadOnlyList<PlanCorrection>> ListAsync(string planKey, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(planKey);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {TableKey.Encode(planKey)}");
        return await ReadAsync(filter, cancellationToken);
    }

    public Task<IReadOnlyList<PlanCorrection>> ListAllAsync(CancellationToken cancellationToken) => ReadAsync(null, cancellationToken);

    public async Task<PlanCorrection> AddAsync(PlanCorrection correction, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(correction);
        for (var attempt = 1; ; attempt++)
        {
            var existing = await ListAsync(correction.PlanKey, cancellationToken);
            var next = correction with { Sequence = existing.Count == 0 ? 1 : existing.Max(c => c.Sequence) + 1 };
            try
            {
                await table.AddAsync(ToEntity(next), StorageJsonContext.Default.PlanCorrectionEntity, cancellationToken);
                return next;
            }
            catch (TableConflictException) when (attempt < Attempts)
            {
                // Another correction took the number; read again.
            }
        }
    }

    private async Task<IReadOnlyList<PlanCorrection>> ReadAsync(string? filter, CancellationToken cancellationToken)
    {
        var list = new List<PlanCorrection>();
        await foreach (var entry in table.QueryAsync(filter, StorageJsonContext.Default.PlanCorrectionEntity, cancellationToken))
        {
            var e = entry.Value;
            var change = JsonSerializer.Deserialize(e.Change, StorageJsonContext.Default.TaskChange) ?? new TaskChange();
            list.Add(new PlanCorrection(e.PlanKey, e.Sequence, e.TaskId, change, e.By, e.ByName, e.ByAgency, e.At));
        }

        return [.. list.OrderBy(c => c.PlanKey, StringComparer.Ordinal).ThenBy(c => c.Sequence)];
    }

    private static PlanCorrectionEntity ToEntity(PlanCorrection c) => new()
    {
        PartitionKey = TableKey.Encode(c.PlanKey),
        RowKey = c.Sequence.ToString("D6", CultureInfo.InvariantCulture),
        PlanKey = c.PlanKey,
        Sequence = c.Sequence,
        TaskId = c.TaskId,
        Change = JsonSerializer.Serialize(c.Change, StorageJsonContext.Default.TaskChange),
        By = c.By,
        ByName = c.ByName,
        ByAgency = c.ByAgency,
        At = c.At,
    };
}

/// <summary>One correction of one plan: partition = plan key, row = sequence; the change as JSON.</summary>
public sealed record PlanCorrectionEntity : IStoredEntity
{
    public required string PartitionKey { get; init; }

    public required string RowKey { get; init; }

    public required string PlanKey { get; init; }

    public int Sequence { get; init; }

    public required string TaskId { get; init; }

    public required string Change { get; init; }

    public required string By { get; init; }

    public string? ByName { get; init; }

    public string? ByAgency { get; init; }

    public DateTimeOffset At { get; init; }
}
