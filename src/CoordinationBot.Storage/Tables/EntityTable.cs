using System.Runtime.CompilerServices;
using System.Text.Json.Serialization.Metadata;
using Azure;
using Azure.Data.Tables;

namespace CoordinationBot.Storage.Tables;

/// <summary>
/// One table, typed, on the Azure.Data.Tables SDK. What is ours: the entity mapping with the service's limits checked
/// before sending, a lost optimistic race (409 on add, 412 or 404 on a conditional write) as
/// <see cref="TableConflictException"/>, and a table created when a write finds it missing (tables are created at
/// start-up; nothing is checked per call). Other failures are the SDK's <see cref="RequestFailedException"/>.
/// </summary>
public sealed class EntityTable
{
    private readonly TableClient client;

    internal EntityTable(TableClient client) => this.client = client;

    public string Name => client.Name;

    /// <summary>Creates the table; an existing table is fine.</summary>
    public Task CreateAsync(CancellationToken cancellationToken) => client.CreateIfNotExistsAsync(cancellationToken);

    public async Task DeleteTableAsync(CancellationToken cancellationToken) => await client.DeleteAsync(cancellationToken);

    /// <summary>Inserts a new entity; <see cref="TableConflictException"/> when it already exists. Returns the ETag.</summary>
    public Task<string> AddAsync<T>(T entity, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken)
        where T : IStoredEntity
    {
        var mapped = EntityMapper.ToTableEntity(entity, typeInfo);
        return WriteAsync(async () => ETagOf(await client.AddEntityAsync(mapped, cancellationToken)), cancellationToken);
    }

    /// <summary>Inserts or replaces unconditionally (last writer wins). Returns the new ETag.</summary>
    public Task<string> UpsertAsync<T>(T entity, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken)
        where T : IStoredEntity
    {
        var mapped = EntityMapper.ToTableEntity(entity, typeInfo);
        return WriteAsync(async () => ETagOf(await client.UpsertEntityAsync(mapped, TableUpdateMode.Replace, cancellationToken)), cancellationToken);
    }

    /// <summary>Replaces the entity only if it still has <paramref name="etag"/>; else <see cref="TableConflictException"/>.</summary>
    public Task<string> UpdateAsync<T>(T entity, string etag, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken)
        where T : IStoredEntity
    {
        ArgumentException.ThrowIfNullOrEmpty(etag);
        var mapped = EntityMapper.ToTableEntity(entity, typeInfo);
        return WriteAsync(async () => ETagOf(await client.UpdateEntityAsync(mapped, new ETag(etag), TableUpdateMode.Replace, cancellationToken)), cancellationToken);
    }

    /// <summary>
    /// Sets only the given properties of an existing entity, whatever its version (one request, no read first);
    /// <see cref="TableConflictException"/> when the entity does not exist.
    /// </summary>
    public Task<string> MergeAsync(string partitionKey, string rowKey, IReadOnlyDictionary<string, object?> properties, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(properties);
        TableKey.Validate(partitionKey, nameof(partitionKey));
        TableKey.Validate(rowKey, nameof(rowKey));
        var patch = new TableEntity(partitionKey, rowKey);
        foreach (var (name, value) in properties)
        {
            patch[name] = value;
        }

        return WriteAsync(async () => ETagOf(await client.UpdateEntityAsync(patch, ETag.All, TableUpdateMode.Merge, cancellationToken)), cancellationToken);
    }

    public async Task<TableEntry<T>?> GetAsync<T>(string partitionKey, string rowKey, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken)
    {
        TableKey.Validate(partitionKey, nameof(partitionKey));
        TableKey.Validate(rowKey, nameof(rowKey));
        var response = await client.GetEntityIfExistsAsync<TableEntity>(partitionKey, rowKey, cancellationToken: cancellationToken);
        return response.HasValue ? EntityMapper.FromTableEntity(response.Value!, typeInfo) : null;
    }

    /// <summary>Deletes the entity (only at <paramref name="etag"/> when given). Returns false when it did not exist.</summary>
    public async Task<bool> DeleteAsync(string partitionKey, string rowKey, string? etag, CancellationToken cancellationToken)
    {
        TableKey.Validate(partitionKey, nameof(partitionKey));
        TableKey.Validate(rowKey, nameof(rowKey));
        try
        {
            var response = await client.DeleteEntityAsync(partitionKey, rowKey, etag is null ? ETag.All : new ETag(etag), cancellationToken);
            return response.Status != 404 ? true : etag is null ? false : throw new TableConflictException(404, null, $"Table {Name}: the entity disappeared since it was read.");
        }
        catch (RequestFailedException failure) when (IsMissingTable(failure))
        {
            return etag is null ? false : throw Conflict(failure);
        }
        catch (RequestFailedException failure) when (failure.Status == 412)
        {
            throw Conflict(failure);
        }
    }

    /// <summary>
    /// One page of entities matching <paramref name="filter"/> (build it with <see cref="TableClient.CreateQueryFilter(FormattableString)"/>),
    /// resumed from <paramref name="continuationToken"/>.
    /// </summary>
    public async Task<TablePage<T>> QueryPageAsync<T>(string? filter, int? pageSize, string? continuationToken, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken)
    {
        var size = pageSize is { } top ? Math.Clamp(top, 1, 1000) : (int?)null;
        try
        {
            // A typed query reads the properties of its type and nothing more (a projection type reads less of a wide row).
            var select = typeInfo.Properties.Select(p => p.Name).ToList();
            await foreach (var page in client.QueryAsync<TableEntity>(filter, size, select, cancellationToken).AsPages(continuationToken, size).WithCancellation(cancellationToken))
            {
                return new TablePage<T>([.. page.Values.Select(e => EntityMapper.FromTableEntity(e, typeInfo))], page.ContinuationToken);
            }
        }
        catch (RequestFailedException failure) when (IsMissingTable(failure))
        {
        }

        return new TablePage<T>([], null);
    }

    /// <summary>Every entity matching <paramref name="filter"/>, page by page.</summary>
    public async IAsyncEnumerable<TableEntry<T>> QueryAsync<T>(string? filter, JsonTypeInfo<T> typeInfo, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        string? continuation = null;
        do
        {
            var page = await QueryPageAsync(filter, pageSize: null, continuation, typeInfo, cancellationToken);
            foreach (var item in page.Items)
            {
                yield return item;
            }

            continuation = page.ContinuationToken;
        }
        while (continuation is not null);
    }

    /// <summary>
    /// Applies every change of <paramref name="batch"/> (one partition, at most 100) all or none, in one request, and
    /// returns the new ETags in order. A lost race on one change is <see cref="TableBatchConflictException"/> naming it.
    /// </summary>
    public Task<IReadOnlyList<string>> SubmitAsync(TableBatch batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        if (batch.Count is 0 or > TableBatch.MaxChanges)
        {
            throw new ArgumentException($"A batch holds 1 to {TableBatch.MaxChanges} changes.", nameof(batch));
        }

        return WriteAsync<IReadOnlyList<string>>(
            async () =>
            {
                try
                {
                    var responses = await client.SubmitTransactionAsync(batch.Actions, cancellationToken);
                    return [.. responses.Value.Select(ETagOf)];
                }
                catch (TableTransactionFailedException failure) when (failure.Status is 404 or 409 or 412 && !IsMissingTable(failure))
                {
                    throw new TableBatchConflictException(failure.FailedTransactionActionIndex ?? -1, failure.Status, failure.ErrorCode, $"Table {Name}: change {failure.FailedTransactionActionIndex} of a batch lost a race ({failure.Status} {failure.ErrorCode}).");
                }
            },
            cancellationToken);
    }

    private async Task<TResult> WriteAsync<TResult>(Func<Task<TResult>> write, CancellationToken cancellationToken)
    {
        try
        {
            try
            {
                return await write();
            }
            catch (RequestFailedException failure) when (IsMissingTable(failure))
            {
                await CreateAsync(cancellationToken);
                return await write();
            }
        }
        catch (RequestFailedException failure) when (failure is not TableTransactionFailedException && failure.Status is 404 or 409 or 412)
        {
            throw Conflict(failure);
        }
    }

    private static bool IsMissingTable(RequestFailedException failure) =>
        failure.Status == 404 && string.Equals(failure.ErrorCode, "TableNotFound", StringComparison.Ordinal);

    private static string ETagOf(Response response) => response.Headers.ETag?.ToString("H") ?? "*";

    private TableConflictException Conflict(RequestFailedException failure) =>
        new(failure.Status, failure.ErrorCode, $"Table {Name}: the entity changed, exists or disappeared since it was read ({failure.Status} {failure.ErrorCode}).");
}
