using CoordinationBot.Core.StatusReports;
using CoordinationBot.Storage.Tables;

namespace CoordinationBot.Storage.StatusReports;

/// <summary>
/// Delivery status in Azure Tables. A delivery row is created once per (round, agency, conversation); sending is
/// claimed with an ETag-guarded lease, so two bot instances never send the same card twice.
/// </summary>
public sealed class TableDeliveryLog(TableServiceClient service, TimeProvider time) : IDeliveryLog
{
    private readonly TableClient table = service.GetTableClient("deliveries");

    public async Task<bool> TryAddAsync(Delivery delivery, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        try
        {
            await table.AddAsync(
                new DeliveryEntity { PartitionKey = TableKey.Encode(delivery.RoundId), RowKey = TableKey.Encode(delivery.Id), Agency = delivery.Agency, State = nameof(DeliveryState.Queued) },
                StorageJsonContext.Default.DeliveryEntity,
                cancellationToken);
            return true;
        }
        catch (TableConflictException)
        {
            return false;
        }
    }

    public async Task<DeliveryClaim?> TryClaimAsync(string roundId, string deliveryId, TimeSpan lease, CancellationToken cancellationToken)
    {
        var entry = await table.GetAsync(TableKey.Encode(roundId), TableKey.Encode(deliveryId), StorageJsonContext.Default.DeliveryEntity, cancellationToken);
        if (entry is null)
        {
            return null;
        }

        var now = time.GetUtcNow();
        var state = Enum.Parse<DeliveryState>(entry.Value.State);
        var claimable = state is DeliveryState.Queued or DeliveryState.FailedRetrying || (state == DeliveryState.Sending && entry.Value.LeaseUntil < now);
        if (!claimable)
        {
            return null;
        }

        try
        {
            var claimed = entry.Value with { State = nameof(DeliveryState.Sending), LeaseUntil = now + lease, Attempts = entry.Value.Attempts + 1 };
            return new DeliveryClaim(roundId, deliveryId, await table.UpdateAsync(claimed, entry.ETag, StorageJsonContext.Default.DeliveryEntity, cancellationToken));
        }
        catch (TableConflictException)
        {
            return null;
        }
    }

    public async Task<DeliveryClaim?> RenewAsync(DeliveryClaim claim, TimeSpan lease, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(claim);
        var entry = await table.GetAsync(TableKey.Encode(claim.RoundId), TableKey.Encode(claim.DeliveryId), StorageJsonContext.Default.DeliveryEntity, cancellationToken);
        if (entry is null || entry.ETag != claim.Version)
        {
            return null;
        }

        try
        {
            var renewed = entry.Value with { LeaseUntil = time.GetUtcNow() + lease };
            return claim with { Version = await table.UpdateAsync(renewed, entry.ETag, StorageJsonContext.Default.DeliveryEntity, cancellationToken) };
        }
        catch (TableConflictException)
        {
            return null;
        }
    }

    public async Task<DeliveryState?> GetStateAsync(string roundId, string deliveryId, CancellationToken cancellationToken)
    {
        var entry = await table.GetAsync(TableKey.Encode(roundId), TableKey.Encode(deliveryId), StorageJsonContext.Default.DeliveryEntity, cancellationToken);
        return entry is null ? null : Enum.Parse<DeliveryState>(entry.Value.State);
    }

    public async Task MarkAsync(string roundId, string deliveryId, DeliveryState state, string? reason, CancellationToken cancellationToken)
    {
        var entry = await table.GetAsync(TableKey.Encode(roundId), TableKey.Encode(deliveryId), StorageJsonContext.Default.DeliveryEntity, cancellationToken)
            ?? throw new TableStorageException($"Delivery {deliveryId} of round {roundId} is missing.");
        await table.UpsertAsync(entry.Value with { State = state.ToString(), Reason = reason }, StorageJsonContext.Default.DeliveryEntity, cancellationToken);
    }

    public async Task<IReadOnlyList<(string DeliveryId, string Agency, DeliveryState State, string? Reason)>> ListAsync(string roundId, CancellationToken cancellationToken)
    {
        var list = new List<(string, string, DeliveryState, string?)>();
        var filter = TableFilter.Create($"PartitionKey eq {TableKey.Encode(roundId)}");
        await foreach (var entry in table.QueryAsync(filter, StorageJsonContext.Default.DeliveryEntity, cancellationToken))
        {
            list.Add((TableKey.Decode(entry.Value.RowKey), entry.Value.Agency, Enum.Parse<DeliveryState>(entry.Value.State), entry.Value.Reason));
        }

        return list;
    }
}
