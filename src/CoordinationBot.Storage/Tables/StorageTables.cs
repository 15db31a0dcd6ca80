using System.Collections.Concurrent;
using Azure.Core;
using Azure.Data.Tables;
using Azure.Identity;

namespace CoordinationBot.Storage.Tables;

/// <summary>
/// The account's tables, on the SDK's <see cref="TableServiceClient"/>: the connection string locally (Azurite), Entra ID
/// (managed identity) in Azure. Table names carry the configured prefix, so environments and test runs can share an account.
/// </summary>
public sealed class StorageTables
{
    private readonly TableServiceClient service;
    private readonly string prefix;
    private readonly ConcurrentDictionary<string, EntityTable> tables = new(StringComparer.Ordinal);

    public StorageTables(TableStorageOptions options, TableClientOptions? clientOptions = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        clientOptions ??= DefaultClientOptions();
        prefix = options.TablePrefix;
        if (options.TableServiceUri is { } serviceUri)
        {
            TokenCredential credential = string.IsNullOrWhiteSpace(options.ManagedIdentityClientId)
                ? new DefaultAzureCredential()
                : new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(options.ManagedIdentityClientId));
            service = new TableServiceClient(serviceUri, credential, clientOptions);
        }
        else
        {
            var connection = options.ConnectionString
                ?? throw new InvalidOperationException("Set Storage:ConnectionString or Storage:TableServiceUri.");
            service = new TableServiceClient(StorageConnectionString.Normalize(connection), clientOptions);
        }
    }

    public Uri Endpoint => service.Uri;

    /// <summary>Retries of 408/429/5xx with exponential back-off, as every storage client of the bot.</summary>
    public static TableClientOptions DefaultClientOptions()
    {
        var options = new TableClientOptions();
        options.Retry.MaxRetries = 4;
        options.Retry.Mode = RetryMode.Exponential;
        options.Retry.Delay = TimeSpan.FromMilliseconds(200);
        options.Retry.NetworkTimeout = TimeSpan.FromSeconds(30);
        options.Diagnostics.ApplicationId = "coordbot";
        return options;
    }

    /// <summary>Table <paramref name="name"/>, prefixed with the configured table prefix.</summary>
    public EntityTable GetTable(string name)
    {
        var full = prefix + name;
        if (full.Length is < 3 or > 63 || !char.IsAsciiLetter(full[0]) || !full.All(char.IsAsciiLetterOrDigit))
        {
            throw new ArgumentException("A table name has 3–63 letters or digits and starts with a letter.", nameof(name));
        }

        return tables.GetOrAdd(full, n => new EntityTable(service.GetTableClient(n)));
    }

    /// <summary>Creates every table handed out so far (at start-up, once the stores exist).</summary>
    public async Task CreateTablesAsync(CancellationToken cancellationToken)
    {
        foreach (var table in tables.Values)
        {
            await table.CreateAsync(cancellationToken);
        }
    }

    /// <summary>A cheap round trip for health checks: lists at most one table.</summary>
    public async Task PingAsync(CancellationToken cancellationToken)
    {
        await foreach (var page in service.QueryAsync(maxPerPage: 1, cancellationToken: cancellationToken).AsPages(pageSizeHint: 1).WithCancellation(cancellationToken))
        {
            _ = page;
            return;
        }
    }
}
