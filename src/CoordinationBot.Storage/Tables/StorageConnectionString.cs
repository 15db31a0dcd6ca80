namespace CoordinationBot.Storage.Tables;

/// <summary>Azurite's well-known account spelled out, so every Azure Storage SDK reads it the same way.</summary>
public static class StorageConnectionString
{
    /// <summary>The well-known Azurite account (public, documented, not a secret).</summary>
    public const string DevelopmentAccountName = "devstoreaccount1";

    public const string DevelopmentAccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    /// <summary>The connection string as the Azure Storage SDKs read it ("UseDevelopmentStorage=true" spelled out for Azurite).</summary>
    public static string Normalize(string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        return connectionString.Contains("UseDevelopmentStorage=true", StringComparison.OrdinalIgnoreCase)
            ? $"DefaultEndpointsProtocol=http;AccountName={DevelopmentAccountName};AccountKey={DevelopmentAccountKey};BlobEndpoint=http://127.0.0.1:10000/{DevelopmentAccountName};QueueEndpoint=http://127.0.0.1:10001/{DevelopmentAccountName};TableEndpoint=http://127.0.0.1:10002/{DevelopmentAccountName};"
            : connectionString;
    }
}
