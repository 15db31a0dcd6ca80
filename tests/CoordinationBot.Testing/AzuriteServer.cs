namespace CoordinationBot.Testing;

/// <summary>Azurite (Table, Queue and Blob services) on free loopback ports, in memory, for one test run.</summary>
public sealed class AzuriteServer : IAsyncDisposable
{
    private readonly ToolProcess process;

    private AzuriteServer(ToolProcess process, int tablePort, int queuePort, int blobPort)
    {
        this.process = process;
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

    public static async Task<AzuriteServer> StartAsync()
    {
        var (table, queue, blob) = (FreePort.Next(), FreePort.Next(), FreePort.Next());
        string P(int port) => port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var process = ToolProcess.Start(
            RepositoryPaths.NodeTool("azurite"),
            ["--tableHost", "127.0.0.1", "--tablePort", P(table), "--queueHost", "127.0.0.1", "--queuePort", P(queue), "--blobHost", "127.0.0.1", "--blobPort", P(blob),
             "--inMemoryPersistence", "--skipApiVersionCheck", "--disableTelemetry", "--silent"]);
        await FreePort.WaitUntilListeningAsync(table, TimeSpan.FromSeconds(30), () => process.Output);
        await FreePort.WaitUntilListeningAsync(queue, TimeSpan.FromSeconds(30), () => process.Output);
        return new AzuriteServer(process, table, queue, blob);
    }

    public ValueTask DisposeAsync() => process.DisposeAsync();
}
