using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using Azure;
using Azure.Core;
using Azure.Core.Pipeline;

namespace CoordinationBot.Storage.Tables;

/// <summary>
/// One table over the Table service REST API (JSON, <c>x-ms-version</c> 2019-02-02), on Azure.Core's pipeline.
/// Writes are typed; updates and deletes take the ETag that was read, so a concurrent change surfaces as
/// <see cref="TableConflictException"/>.
/// </summary>
public sealed class TableClient
{
    private const string ApiVersion = "2019-02-02";
    private readonly HttpPipeline pipeline;
    private readonly Uri endpoint;
    private volatile bool created;

    internal TableClient(HttpPipeline pipeline, Uri endpoint, string name)
    {
        if (name.Length is < 3 or > 63 || !char.IsAsciiLetter(name[0]) || !name.All(char.IsAsciiLetterOrDigit))
        {
            throw new ArgumentException("A table name has 3–63 letters or digits and starts with a letter.", nameof(name));
        }

        this.pipeline = pipeline;
        this.endpoint = endpoint;
        Name = name;
    }

    public string Name { get; }

    /// <summary>Creates the table once per process; an existing table is fine.</summary>
    public async Task EnsureCreatedAsync(CancellationToken cancellationToken)
    {
        if (created)
        {
            return;
        }

        // Concurrent first calls may both ask: the service answers the second with 409, which is fine.
        var body = JsonSerializer.SerializeToUtf8Bytes(new JsonObject { ["TableName"] = Name });
        using var message = CreateMessage(RequestMethod.Post, "Tables", body);
        var response = await SendAsync(message, cancellationToken);
        if (response.Status is not (201 or 204 or 409))
        {
            throw Failure(response, "create table");
        }

        created = true;
    }

    public async Task DeleteTableAsync(CancellationToken cancellationToken)
    {
        using var message = CreateMessage(RequestMethod.Delete, $"Tables('{Name}')", null);
        var response = await SendAsync(message, cancellationToken);
        if (response.Status is not (204 or 404))
        {
            throw Failure(response, "delete table");
        }

        created = false;
    }

    /// <summary>Inserts a new entity; <see cref="TableConflictException"/> when it already exists. Returns the ETag.</summary>
    public async Task<string> AddAsync<T>(T entity, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken)
        where T : ITableEntity
    {
        await EnsureCreatedAsync(cancellationToken);
        using var message = CreateMessage(RequestMethod.Post, Name, EntityJson.Serialize(entity, typeInfo));
        message.Request.Headers.SetValue("Prefer", "return-no-content");
        var response = await SendAsync(message, cancellationToken);
        return response.Status is 201 or 204 ? ETagOf(response) : throw Failure(response, "insert");
    }

    /// <summary>Inserts or replaces unconditionally (last writer wins). Returns the new ETag.</summary>
    public Task<string> UpsertAsync<T>(T entity, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken)
        where T : ITableEntity => ReplaceAsync(entity, typeInfo, ifMatch: null, cancellationToken);

    /// <summary>Replaces the entity only if it still has <paramref name="etag"/>; else <see cref="TableConflictException"/>.</summary>
    public Task<string> UpdateAsync<T>(T entity, string etag, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken)
        where T : ITableEntity
    {
        ArgumentException.ThrowIfNullOrEmpty(etag);
        return ReplaceAsync(entity, typeInfo, etag, cancellationToken);
    }

    public async Task<TableEntry<T>?> GetAsync<T>(string partitionKey, string rowKey, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken)
    {
        await EnsureCreatedAsync(cancellationToken);
        using var message = CreateMessage(RequestMethod.Get, EntityPath(partitionKey, rowKey), null);
        var response = await SendAsync(message, cancellationToken);
        if (response.Status == 404)
        {
            return null;
        }

        if (response.Status != 200)
        {
            throw Failure(response, "read");
        }

        var json = JsonNode.Parse(response.Content.ToMemory().Span)!.AsObject();
        return EntityJson.Deserialize(json, typeInfo, response.Headers.ETag?.ToString("H"));
    }

    /// <summary>Deletes the entity (only at <paramref name="etag"/> when given). Returns false when it did not exist.</summary>
    public async Task<bool> DeleteAsync(string partitionKey, string rowKey, string? etag, CancellationToken cancellationToken)
    {
        await EnsureCreatedAsync(cancellationToken);
        using var message = CreateMessage(RequestMethod.Delete, EntityPath(partitionKey, rowKey), null);
        message.Request.Headers.SetValue("If-Match", etag ?? "*");
        var response = await SendAsync(message, cancellationToken);
        return response.Status switch
        {
            204 => true,
            404 when etag is null => false,
            404 or 412 => throw Conflict(response),
            _ => throw Failure(response, "delete"),
        };
    }

    /// <summary>One page of entities matching <paramref name="filter"/> (build it with <see cref="TableFilter"/>).</summary>
    public async Task<TablePage<T>> QueryPageAsync<T>(string? filter, int? pageSize, string? continuationToken, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken)
    {
        await EnsureCreatedAsync(cancellationToken);
        var query = new List<string>();
        if (!string.IsNullOrEmpty(filter))
        {
            query.Add("$filter=" + Uri.EscapeDataString(filter));
        }

        if (pageSize is { } top)
        {
            query.Add("$top=" + Math.Clamp(top, 1, 1000).ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        query.AddRange(TableContinuation.ToQuery(continuationToken));
        var path = $"{Name}()" + (query.Count > 0 ? "?" + string.Join('&', query) : string.Empty);
        using var message = CreateMessage(RequestMethod.Get, path, null);
        var response = await SendAsync(message, cancellationToken);
        if (response.Status != 200)
        {
            throw Failure(response, "query");
        }

        var json = JsonNode.Parse(response.Content.ToMemory().Span)!.AsObject();
        var items = (json["value"]?.AsArray() ?? [])
            .Select(item => EntityJson.Deserialize(item!.AsObject(), typeInfo, etagHeader: null))
            .ToList();
        return new TablePage<T>(items, TableContinuation.FromHeaders(response.Headers));
    }

    /// <summary>Every entity matching <paramref name="filter"/>, following continuation tokens.</summary>
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

    private async Task<string> ReplaceAsync<T>(T entity, JsonTypeInfo<T> typeInfo, string? ifMatch, CancellationToken cancellationToken)
        where T : ITableEntity
    {
        await EnsureCreatedAsync(cancellationToken);
        var body = EntityJson.Serialize(entity, typeInfo);
        using var message = CreateMessage(RequestMethod.Put, EntityPath(entity.PartitionKey, entity.RowKey), body);
        if (ifMatch is not null)
        {
            message.Request.Headers.SetValue("If-Match", ifMatch);
        }

        var response = await SendAsync(message, cancellationToken);
        return response.Status switch
        {
            204 or 200 or 201 => ETagOf(response),
            404 or 412 when ifMatch is not null => throw Conflict(response),
            _ => throw Failure(response, "replace"),
        };
    }

    private string EntityPath(string partitionKey, string rowKey)
    {
        TableKey.Validate(partitionKey, nameof(partitionKey));
        TableKey.Validate(rowKey, nameof(rowKey));
        return $"{Name}(PartitionKey='{Uri.EscapeDataString(partitionKey.Replace("'", "''", StringComparison.Ordinal))}'," +
               $"RowKey='{Uri.EscapeDataString(rowKey.Replace("'", "''", StringComparison.Ordinal))}')";
    }

    private HttpMessage CreateMessage(RequestMethod method, string path, byte[]? body)
    {
        var message = pipeline.CreateMessage();
        var request = message.Request;
        request.Method = method;
        request.Uri.Reset(new Uri(endpoint.ToString().TrimEnd('/') + "/" + path));
        request.Headers.SetValue("x-ms-version", ApiVersion);
        request.Headers.SetValue("DataServiceVersion", "3.0");
        request.Headers.SetValue("Accept", "application/json;odata=minimalmetadata");
        if (body is not null)
        {
            request.Headers.SetValue("Content-Type", "application/json");
            request.Content = RequestContent.Create(body);
        }

        return message;
    }

    private async Task<Response> SendAsync(HttpMessage message, CancellationToken cancellationToken)
    {
        await pipeline.SendAsync(message, cancellationToken);
        return message.Response;
    }

    private static string ETagOf(Response response) => response.Headers.ETag?.ToString("H") ?? "*";

    private static (string? Code, string Text) ErrorOf(Response response)
    {
        try
        {
            var error = JsonNode.Parse(response.Content.ToMemory().Span)?["odata.error"];
            return (error?["code"]?.GetValue<string>(), error?["message"]?["value"]?.GetValue<string>() ?? string.Empty);
        }
        catch (JsonException)
        {
            return (null, string.Empty);
        }
    }

    private TableConflictException Conflict(Response response)
    {
        var (code, _) = ErrorOf(response);
        return new TableConflictException(response.Status, code, $"Table {Name}: the entity changed or disappeared since it was read ({response.Status} {code}).");
    }

    private TableStorageException Failure(Response response, string operation)
    {
        if (response.Status == 409 && operation == "insert")
        {
            return Conflict(response);
        }

        var (code, text) = ErrorOf(response);
        return new TableStorageException(response.Status, code, $"Table {Name}: {operation} failed with {response.Status} {code}. {text}".Trim());
    }
}
