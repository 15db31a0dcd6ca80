namespace CoordinationBot.Testing;

/// <summary>Azurite's Table service on a free loopback port, in memory, for one test run.</summary>
public sealed class AzuriteServer : IAsyncDisposable
{
    private readonly ToolProcess process;

    private AzuriteServer(ToolProcess process, int port)
    {
        this.process = process;
        Port = port;
    }

    public int Port { get; }

    public string ConnectionString =>
        "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;" +
        "AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;" +
        $"TableEndpoint=http://127.0.0.1:{Port}/devstoreaccount1;";

    public static async Task<AzuriteServer> StartAsync()
    {
        var port = FreePort.Next();
        var process = ToolProcess.Start(
            RepositoryPaths.NodeTool("azurite-table"),
            ["--tableHost", "127.0.0.1", "--tablePort", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--inMemoryPersistence", "--skipApiVersionCheck", "--disableTelemetry"]);
        await FreePort.WaitUntilListeningAsync(port, TimeSpan.FromSeconds(30), () => process.Output);
        return new AzuriteServer(process, port);
    }

    public ValueTask DisposeAsync() => process.DisposeAsync();
}
