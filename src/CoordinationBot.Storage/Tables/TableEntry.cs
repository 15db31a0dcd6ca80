namespace CoordinationBot.Storage.Tables;

/// <summary>An entity as read, with the ETag to send back for an optimistic update.</summary>
public sealed record TableEntry<T>(T Value, string ETag);

/// <summary>One page of a query, and where the next page starts (null: the last page).</summary>
public sealed record TablePage<T>(IReadOnlyList<TableEntry<T>> Items, string? ContinuationToken);

/// <summary>Every stored entity has its keys; both must satisfy <see cref="TableKey.Validate"/>.</summary>
public interface IStoredEntity
{
    string PartitionKey { get; }

    string RowKey { get; }
}
