using System.Text.Json;
using CoordinationBot.Core.StatusReports;
using CoordinationBot.Storage.Tables;

namespace CoordinationBot.Storage.StatusReports;

/// <summary>
/// Delivery status in Azure Tables, the source of truth for sending: a row is created once per (round, agency,
/// conversation) and holds the delivery itself; sending is claimed with an ETag-guarded lease, so two bot instances
/// never send the same card twice; a row that nobody sent by its stall time is found by the sweeper and enqueued
/// again, so a message lost between the row and the queue (a crash, a failed enqueue) loses no card.
/// </summary>
public sealed partial class TableDeliveryLog(StorageTables service, TimeProvider time) : IDeliveryLog
{
    private readonly EntityTable table = service.GetTable("deliveries");

    public async Task<bool> TryAddAsync(Delivery delivery, TimeSpan stalledAfter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        try
        {
            await table.AddAsync(
                new DeliveryEntity
                {
                    PartitionKey = TableKey.Encode(delivery.RoundId),
                    RowKey = TableKey.Encode(delivery.Id),
                    Agency = delivery.Agency,
                    State = nameof(DeliveryState.Queued),
                    Delivery = JsonSerializer.Serialize(delivery, StorageJsonContext.Default.Delivery),
                    StalledAfter = time.GetUtcNow() + stalledAfter,
                },
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
        var entry = await GetAsync(roundId, deliveryId, cancellationToken);
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
            var first = entry.Value.FirstAttemptAt ?? now;
            var claimed = entry.Value with { State = nameof(DeliveryState.Sending), LeaseUntil = now + lease, StalledAfter = now + lease + lease, Attempts = entry.Value.Attempts + 1, FirstAttemptAt = first };
            var version = await table.UpdateAsync(claimed, entry.ETag, StorageJsonContext.Default.DeliveryEntity, cancellationToken);
            return new DeliveryClaim(roundId, deliveryId, version, claimed.Attempts, first);
        }
        catch (TableConflictException)
        {
            return null;
        }
    }

    public async Task<DeliveryClaim?> RenewAsync(DeliveryClaim claim, TimeSpan lease, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(claim);
        var entry = await GetAsync(claim.RoundId, claim.DeliveryId, cancellationToken);
        if (entry is null || entry.ETag != claim.Version)
        {
            return null;
        }

        try
        {
            var now = time.GetUtcNow();
            var renewed = entry.Value with { LeaseUntil = now + lease, StalledAfter = now + lease + lease };
            return claim with { Version = await table.UpdateAsync(renewed, entry.ETag, StorageJsonContext.Default.DeliveryEntity, cancellationToken) };
        }
        catch (TableConflictException)
        {
            return null;
        }
    }

    public async Task<bool> PostponeAsync(StalledDelivery stalled, TimeSpan stalledAfter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stalled);
        var entry = await GetAsync(stalled.Delivery.RoundId, stalled.Delivery.Id, cancellationToken);
        if (entry is null || entry.ETag != stalled.Version)
        {
            return false;
        }

        try
        {
            await table.UpdateAsync(entry.Value with { StalledAfter = time.GetUtcNow() + stalledAfter }, entry.ETag, StorageJsonContext.Default.DeliveryEntity, cancellationToken);
            return true;
        }
        catch (TableConflictException)
        {
            return false;
        }
    }

    public async Task<Delivery?> RequeueAsync(string roundId, string deliveryId, TimeSpan stalledAfter, CancellationToken cancellationToken)
    {
        var entry = await GetAsync(roundId, deliveryId, cancellationToken);
        if (entry is null || Enum.Parse<DeliveryState>(entry.Value.State) is not (DeliveryState.FailedFinal or DeliveryState.Unconfirmed) || entry.Value.Delivery is not { } json)
        {
            return null;
        }

        try
        {
            var fresh = entry.Value with { State = nameof(DeliveryState.Queued), Reason = null, Attempts = 0, FirstAttemptAt = null, StalledAfter = time.GetUtcNow() + stalledAfter };
            await table.UpdateAsync(fresh, entry.ETag, StorageJsonContext.Default.DeliveryEntity, cancellationToken);
            return JsonSerializer.Deserialize(json, StorageJsonContext.Default.Delivery);
        }
        catch (TableConflictException)
        {
            return null;
        }
    }

    public async Task<DeliveryState?> GetStateAsync(string roundId, string deliveryId, CancellationToken cancellationToken)
    {
        var entry = await GetAsync(roundId, deliveryId, cancellationToken);
        return entry is null ? null : Enum.Parse<DeliveryState>(entry.Value.State);
    }

    public async Task MarkAsync(string roundId, string deliveryId, DeliveryState state, string? reason, CancellationToken cancellationToken, TimeSpan? stalledAfter = null)
    {
        // Only what the outcome changes, merged in one request: no read first, nothing else of the row overwritten.
        var changes = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            [nameof(DeliveryEntity.State)] = state.ToString(),
            [nameof(DeliveryEntity.Reason)] = reason ?? string.Empty, // a merge cannot remove a property: empty is "no reason"
        };
        if (stalledAfter is { } after)
        {
            changes[nameof(DeliveryEntity.StalledAfter)] = time.GetUtcNow() + after;
        }

        try
        {
            await table.MergeAsync(TableKey.Encode(roundId), TableKey.Encode(deliveryId), changes, cancellationToken);
        }
        catch (TableConflictException missing)
        {
            throw new TableStorageException($"Delivery {deliveryId} of round {roundId} is missing.", missing);
        }
    }


    private Task<TableEntry<DeliveryEntity>?> GetAsync(string roundId, string deliveryId, CancellationToken cancellationToken) =>
        table.GetAsync(TableKey.Encode(roundId), TableKey.Encode(deliveryId), StorageJsonContext.Default.DeliveryEntity, cancellationToken);
}
