namespace CoordinationBot.Storage.Tables;

/// <summary>Configuration section <c>Storage</c>.</summary>
public sealed class TableStorageOptions
{
    public const string SectionName = "Storage";

    /// <summary>
    /// An Azure Storage connection string (Azurite: <c>UseDevelopmentStorage=true</c> or an explicit
    /// <c>TableEndpoint</c>). Used when <see cref="TableServiceUri"/> is not set.
    /// </summary>
    public string? ConnectionString { get; set; }

    /// <summary>Table endpoint in Azure, used with Entra ID tokens (managed identity or developer credentials).</summary>
    public Uri? TableServiceUri { get; set; }

    /// <summary>Queue endpoint in Azure (the delivery outbox), used with Entra ID tokens like <see cref="TableServiceUri"/>.</summary>
    public Uri? QueueServiceUri { get; set; }

    /// <summary>Blob endpoint in Azure (leases), used with Entra ID tokens like <see cref="TableServiceUri"/>.</summary>
    public Uri? BlobServiceUri { get; set; }

    /// <summary>Client id of a user-assigned managed identity; empty uses the default Azure credential chain.</summary>
    public string? ManagedIdentityClientId { get; set; }

    /// <summary>Prefix of every table name, so several environments or test runs can share one account.</summary>
    public string TablePrefix { get; set; } = "coordbot";
}
