using System.Text.Json.Serialization.Metadata;
using Azure;
using Azure.Data.Tables;

namespace CoordinationBot.Storage.Tables;

/// <summary>Changes to entities of one partition, applied together by <see cref="EntityTable.SubmitAsync"/>.</summary>
public sealed class TableBatch
{
    /// <summary>The service's limit of changes in one entity group transaction.</summary>
    public const int MaxChanges = 100;

    private readonly List<TableTransactionAction> actions = [];

    public int Count => actions.Count;

    internal IReadOnlyList<TableTransactionAction> Actions => actions;

    /// <summary>Inserts a new entity; the batch fails when it exists.</summary>
    public TableBatch Add<T>(T entity, JsonTypeInfo<T> typeInfo)
        where T : IStoredEntity => Append(TableTransactionActionType.Add, EntityMapper.ToTableEntity(entity, typeInfo), default);

    /// <summary>Inserts or replaces unconditionally.</summary>
    public TableBatch Upsert<T>(T entity, JsonTypeInfo<T> typeInfo)
        where T : IStoredEntity => Append(TableTransactionActionType.UpsertReplace, EntityMapper.ToTableEntity(entity, typeInfo), default);

    /// <summary>Replaces the entity only if it still has <paramref name="etag"/>; the batch fails otherwise.</summary>
    public TableBatch Update<T>(T entity, string etag, JsonTypeInfo<T> typeInfo)
        where T : IStoredEntity
    {
        ArgumentException.ThrowIfNullOrEmpty(etag);
        return Append(TableTransactionActionType.UpdateReplace, EntityMapper.ToTableEntity(entity, typeInfo), new ETag(etag));
    }

    /// <summary>Requires the entity to exist, whatever its version (a merge of nothing); the batch fails otherwise.</summary>
    public TableBatch RequireExisting(string partitionKey, string rowKey)
    {
        TableKey.Validate(partitionKey, nameof(partitionKey));
        TableKey.Validate(rowKey, nameof(rowKey));
        return Append(TableTransactionActionType.UpdateMerge, new TableEntity(partitionKey, rowKey), ETag.All);
    }

    private TableBatch Append(TableTransactionActionType type, TableEntity entity, ETag etag)
    {
        if (actions.Count > 0 && !string.Equals(actions[0].Entity.PartitionKey, entity.PartitionKey, StringComparison.Ordinal))
        {
            throw new ArgumentException("The changes of one batch are in one partition.", nameof(entity));
        }

        actions.Add(new TableTransactionAction(type, entity, etag));
        return this;
    }
}
