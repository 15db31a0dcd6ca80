using Azure.Data.Tables;
using System.Text.Json;
using CoordinationBot.Core.StatusReports;
using CoordinationBot.Storage.Tables;

namespace CoordinationBot.Storage.StatusReports;

/// <summary>The rows of a round, and the rows stalled across rounds.</summary>
public sealed partial class TableDeliveryLog
{
    public async Task<IReadOnlyList<StalledDelivery>> ListStalledAsync(int max, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var filter = TableClient.CreateQueryFilter($"(State eq {nameof(DeliveryState.Queued)} or State eq {nameof(DeliveryState.Sending)} or State eq {nameof(DeliveryState.FailedRetrying)}) and StalledAfter lt {now}");
        var found = new List<StalledDelivery>();
        await foreach (var entry in table.QueryAsync(filter, StorageJsonContext.Default.DeliveryEntity, cancellationToken))
        {
            if (entry.Value.Delivery is { } json && JsonSerializer.Deserialize(json, StorageJsonContext.Default.Delivery) is { } delivery)
            {
                found.Add(new StalledDelivery(delivery, entry.ETag));
                if (found.Count >= max)
                {
                    break;
                }
            }
        }

        return found;
    }

    public async Task<IReadOnlyList<(string DeliveryId, string Agency, DeliveryState State, string? Reason)>> ListAsync(string roundId, CancellationToken cancellationToken) =>
        [.. (await ListEntriesAsync(roundId, cancellationToken)).Select(e => (TableKey.Decode(e.RowKey), e.Agency, Enum.Parse<DeliveryState>(e.State), NoneIfEmpty(e.Reason)))];

    public async Task<IReadOnlyList<DeliveryRecord>> ListDeliveriesAsync(string roundId, CancellationToken cancellationToken) =>
        [.. (await ListEntriesAsync(roundId, cancellationToken))
            .Where(e => e.Delivery is not null)
            .Select(e => new DeliveryRecord(JsonSerializer.Deserialize(e.Delivery!, StorageJsonContext.Default.Delivery)!, Enum.Parse<DeliveryState>(e.State), NoneIfEmpty(e.Reason), e.Attempts))];

    private static string? NoneIfEmpty(string? reason) => string.IsNullOrEmpty(reason) ? null : reason;

    private async Task<List<DeliveryEntity>> ListEntriesAsync(string roundId, CancellationToken cancellationToken)
    {
        var list = new List<DeliveryEntity>();
        await foreach (var entry in table.QueryAsync(TableClient.CreateQueryFilter($"PartitionKey eq {TableKey.Encode(roundId)}"), StorageJsonContext.Default.DeliveryEntity, cancellationToken))
        {
            list.Add(entry.Value);
        }

        return list;
    }
}
