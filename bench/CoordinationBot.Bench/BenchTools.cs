using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using CoordinationBot.Cli.Commands;
using CoordinationBot.Host;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace CoordinationBot.Bench;

/// <summary>What benchmarks start for themselves: the repository's pinned Azurite, on free loopback ports.</summary>
public static class BenchTools
{
    /// <summary>The configuration every benchmark host shares: its Azurite, its own tables, no directory, no scheduler.</summary>
    public static Dictionary<string, string?> HostSettings(string storage, string directoryFile, params (string Key, string Value)[] extra)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Storage:ConnectionString"] = storage,
            ["Storage:TablePrefix"] = "bench",
            ["Directory:File"] = directoryFile,
            ["Reminders:Enabled"] = "false",
        };
        foreach (var (key, value) in extra)
        {
            settings[key] = value;
        }

        return settings;
    }

    /// <summary>A benchmark's bot runs as in local development: no app id, anonymous from loopback only.</summary>
    public static Microsoft.Extensions.Hosting.HostApplicationBuilderSettings LocalDevelopment => new() { EnvironmentName = Microsoft.Extensions.Hosting.Environments.Development };

    /// <summary>The bot's services as Program.cs composes them, without a web server or deliveries: for benchmarks of the core and storage.</summary>
    public static Microsoft.Extensions.Hosting.IHost BuildServices(string storage)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(LocalDevelopment);
        builder.Configuration.Sources.Clear();
        builder.Configuration.AddInMemoryCollection(HostSettings(storage, "/dev/null", ("Delivery:Enabled", "false")));
        builder.AddCoordinationBot();
        builder.Logging.ClearProviders();
        return builder.Build();
    }

    /// <summary>The bot host as Program.cs composes it, on a loopback port, configured for a benchmark (not started).</summary>
    public static WebApplication BuildBotHost(string storage, string directoryFile, int port, params (string Key, string Value)[] extra) =>
        BuildBotHost(storage, directoryFile, port, tables: null, extra);

    /// <summary>The same host, its table requests also passing through <paramref name="tables"/> (a counting policy).</summary>
    public static WebApplication BuildBotHost(string storage, string directoryFile, int port, Azure.Core.Pipeline.HttpPipelinePolicy? tables, params (string Key, string Value)[] extra)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = Microsoft.Extensions.Hosting.Environments.Development });
        builder.Configuration.Sources.Clear();
        builder.Configuration.AddInMemoryCollection(HostSettings(storage, directoryFile, extra));
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.AddCoordinationBot();
        if (tables is not null)
        {
            var options = CoordinationBot.Storage.Tables.StorageTables.DefaultClientOptions();
            options.AddPolicy(tables, Azure.Core.HttpPipelinePosition.PerRetry);
            builder.Services.RemoveAll<Azure.Data.Tables.TableClientOptions>();
            builder.Services.AddSingleton(options);
        }

        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.MapCoordinationBot();
        return app;
    }

    /// <summary>The nearest-rank percentile (0 &lt; q ≤ 1) of the values; 0 when there are none.</summary>
    public static double Percentile(IEnumerable<double> values, double q)
    {
        var sorted = values.Order().ToList();
        return sorted.Count == 0 ? 0 : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(q * sorted.Count) - 1)];
    }

    /// <summary>
    /// Starts <paramref name="count"/> requests at one moment: the p95 of their latencies (each until its request's task
    /// ends), the seconds until the last ended, and what each returned.
    /// </summary>
    public static async Task<(double P95, double Seconds, IReadOnlyList<T> Results)> AllAtOnceAsync<T>(int count, Func<int, Task<T>> request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var latencies = new System.Collections.Concurrent.ConcurrentBag<double>();
        using var start = new SemaphoreSlim(0, count);
        var calls = Enumerable.Range(0, count).Select(async i =>
        {
            await start.WaitAsync(cancellationToken);
            var begun = Stopwatch.GetTimestamp();
            var result = await request(i);
            latencies.Add(Stopwatch.GetElapsedTime(begun).TotalMilliseconds);
            return result;
        }).ToList();
        var watch = Stopwatch.StartNew();
        start.Release(count);
        var results = await Task.WhenAll(calls);
        return (Percentile(latencies, 0.95), watch.Elapsed.TotalSeconds, results);
    }

    /// <summary>The p95 latency of <paramref name="count"/> requests started at one moment.</summary>
    public static async Task<double> AllAtOnceP95Async(int count, Func<int, Task> request, CancellationToken cancellationToken) =>
        (await AllAtOnceAsync(count, async i => { await request(i); return true; }, cancellationToken)).P95;

    /// <summary>The median of the values (the mean of the middle two of an even count); 0 when there are none.</summary>
    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count == 0 ? 0 : sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Starts Azurite (tables, queues, blobs in memory); returns the process and its connection string.</summary>
    public static async Task<(Process Process, string ConnectionString)> StartAzuriteAsync()
    {
        var (table, queue, blob) = (FreePort(), FreePort(), FreePort());
        var tool = Path.Combine(Repository.Root(), "node_modules", ".bin", "azurite");
        if (!File.Exists(tool))
        {
            throw new CliProblemException($"{tool} is missing: run 'npm ci' in {Repository.Root()} first (./run.sh and ./test.sh do).");
        }

        var info = new ProcessStartInfo(tool) { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { "--tableHost", "127.0.0.1", "--tablePort", $"{table}", "--queueHost", "127.0.0.1", "--queuePort", $"{queue}", "--blobHost", "127.0.0.1", "--blobPort", $"{blob}", "--inMemoryPersistence", "--skipApiVersionCheck", "--disableTelemetry", "--silent" })
        {
            info.ArgumentList.Add(argument);
        }

        var process = Process.Start(info)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        foreach (var port in new[] { table, queue })
        {
            for (var i = 0; i < 150; i++)
            {
                try
                {
                    using var client = new TcpClient();
                    await client.ConnectAsync(IPAddress.Loopback, port);
                    break;
                }
                catch (SocketException)
                {
                    await Task.Delay(100);
                }
            }
        }

        const string Key = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";
        return (process, $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={Key};TableEndpoint=http://127.0.0.1:{table}/devstoreaccount1;QueueEndpoint=http://127.0.0.1:{queue}/devstoreaccount1;BlobEndpoint=http://127.0.0.1:{blob}/devstoreaccount1;");
    }
}
