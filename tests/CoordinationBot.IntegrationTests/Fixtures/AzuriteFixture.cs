using CoordinationBot.Storage.Tables;
using CoordinationBot.Testing;

namespace CoordinationBot.IntegrationTests.Fixtures;

/// <summary>One Azurite for the whole run; each test class or test uses its own table prefix.</summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    private AzuriteServer? server;

    public string ConnectionString => server?.ConnectionString ?? throw new InvalidOperationException("Azurite is not running.");

    public async Task InitializeAsync() => server = await AzuriteServer.StartAsync();

    public async Task DisposeAsync()
    {
        if (server is not null)
        {
            await server.DisposeAsync();
        }
    }

    /// <summary>A service client whose tables are private to the caller.</summary>
    public StorageTables CreateServiceClient(string? prefix = null) =>
        new(new TableStorageOptions { ConnectionString = ConnectionString, TablePrefix = prefix ?? UniquePrefix() });

    public static string UniquePrefix() => "t" + Guid.NewGuid().ToString("N")[..10];
}

[CollectionDefinition(Name)]
public sealed class AzuriteGroup : ICollectionFixture<AzuriteFixture>
{
    public const string Name = "Azurite";
}
