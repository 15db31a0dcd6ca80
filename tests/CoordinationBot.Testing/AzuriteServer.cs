namespace CoordinationBot.Testing;

/// <summary>
/// Azurite (Table, Queue and Blob services) on free loopback ports for one test run: in memory, or on disk in
/// <c>location</c> so that it can be stopped and started again with its data (outage tests).
/// </summary>
public sealed class AzuriteServer : IAsyncDisposable
{
    private readonly string? location;
    private ToolProcess? process;

    private AzuriteServer(string? location, int tablePort, int queuePort, int blobPort)
    {
        this.location = location;
        Port = tablePort;
        QueuePort = queuePort;
        BlobPort = blobPort;
    }

    public int Port { get; }

    public int QueuePort { get; }

    public int BlobPort { get; }

    public string ConnectionString =>
        "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;" +
        "AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;" +
        $"TableEndpoint=http://127.0.0.1:{Port}/devstoreaccount1;" +
        $"QueueEndpoint=http://127.0.0.1:{QueuePort}/devstoreaccount1;" +
        $"BlobEndpoint=http://127.0.0.1:{BlobPort}/devstoreaccount1;";

    public static async Task<AzuriteServer> StartAsync(string? location = null)
    {
        var server = new AzuriteServer(location, FreePort.Next(), FreePort.Next(), FreePort.Next());
        await server.StartAgainAsync();
        return server;
    }

    /// <summary>
    /// Stops the process as a service stop would (it saves its data first); requests fail with connection refused
    /// until <see cref="StartAgainAsync"/>.
    /// </summary>
    public async Task StopAsync()
    {
        if (process is not null)
        {
            await process.TerminateAsync(TimeSpan.FromSeconds(10));
            process = null;
        }
    }

    public async Task StartAgainAsync()
    {
        string P(int port) => port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        string[] storage = location is null ? ["--inMemoryPersistence"] : ["--location", location];
        var started = ToolProcess.Start(
            RepositoryPaths.NodeTool("azurite"),
            ["--tableHost", "127.0.0.1", "--tablePort", P(Port), "--queueHost", "127.0.0.1", "--queuePort", P(QueuePort), "--blobHost", "127.0.0.1", "--blobPort", P(BlobPort),
             .. storage, "--skipApiVersionCheck", "--disableTelemetry", "--silent"]);
        process = started;
        await FreePort.WaitUntilListeningAsync(Port, TimeSpan.FromSeconds(30), () => started.Output);
        await FreePort.WaitUntilListeningAsync(QueuePort, TimeSpan.FromSeconds(30), () => started.Output);
    }

    public ValueTask DisposeAsync() => new(StopAsync());
}
