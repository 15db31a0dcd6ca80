using CoordinationBot.Testing;

namespace CoordinationBot.IntegrationTests.Fixtures;

/// <summary>What a bot endpoint test needs: a loopback connector, the host configured for it, and an HTTP client.</summary>
public sealed class BotTestContext : IAsyncDisposable
{
    private BotTestContext(LoopbackConnector connector, BotHostFactory host)
    {
        Connector = connector;
        Host = host;
        Client = host.CreateClient();
    }

    public LoopbackConnector Connector { get; }

    public BotHostFactory Host { get; }

    public HttpClient Client { get; }

    public static async Task<BotTestContext> StartAsync(AzuriteFixture azurite, BotHostSettings settings)
    {
        ArgumentNullException.ThrowIfNull(azurite);
        var connector = await LoopbackConnector.StartAsync();
        return new BotTestContext(connector, new BotHostFactory(azurite.ConnectionString, settings));
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Host.DisposeAsync();
        await Connector.DisposeAsync();
    }
}
