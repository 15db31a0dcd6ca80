namespace CoordinationBot.Storage.Tables;

/// <summary>The parts of an Azure Storage connection string that the Tables client needs.</summary>
public sealed record StorageConnectionString(Uri TableEndpoint, string AccountName, string AccountKey)
{
    /// <summary>The well-known Azurite account (public, documented, not a secret).</summary>
    public const string DevelopmentAccountName = "devstoreaccount1";

    public const string DevelopmentAccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    public static StorageConnectionString Parse(string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        var parts = connectionString
            .Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(part => part.Split('=', 2))
            .Where(pair => pair.Length == 2)
            .ToDictionary(pair => pair[0], pair => pair[1], StringComparer.OrdinalIgnoreCase);

        if (parts.TryGetValue("UseDevelopmentStorage", out var dev) && bool.TryParse(dev, out var useDev) && useDev)
        {
            return new(new Uri($"http://127.0.0.1:10002/{DevelopmentAccountName}"), DevelopmentAccountName, DevelopmentAccountKey);
        }

        var account = Require(parts, "AccountName");
        var key = Require(parts, "AccountKey");
        if (parts.TryGetValue("TableEndpoint", out var endpoint))
        {
            return new(new Uri(endpoint.TrimEnd('/')), account, key);
        }

        var protocol = parts.GetValueOrDefault("DefaultEndpointsProtocol", "https");
        var suffix = parts.GetValueOrDefault("EndpointSuffix", "core.windows.net");
        return new(new Uri($"{protocol}://{account}.table.{suffix}"), account, key);
    }

    private static string Require(Dictionary<string, string> parts, string name) =>
        parts.TryGetValue(name, out var value) && value.Length > 0
            ? value
            : throw new FormatException($"The storage connection string has no {name}.");

    /// <summary>The connection string as the Azure Storage SDKs read it ("UseDevelopmentStorage=true" spelled out for Azurite).</summary>
    public static string Normalize(string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        return connectionString.Contains("UseDevelopmentStorage=true", StringComparison.OrdinalIgnoreCase)
            ? $"DefaultEndpointsProtocol=http;AccountName={DevelopmentAccountName};AccountKey={DevelopmentAccountKey};BlobEndpoint=http://127.0.0.1:10000/{DevelopmentAccountName};QueueEndpoint=http://127.0.0.1:10001/{DevelopmentAccountName};TableEndpoint=http://127.0.0.1:10002/{DevelopmentAccountName};"
            : connectionString;
    }

    public override string ToString() => $"TableEndpoint={TableEndpoint};AccountName={AccountName}";
}
