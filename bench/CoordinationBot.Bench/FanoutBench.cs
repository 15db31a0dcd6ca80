using System.Collections.Concurrent;
using System.CommandLine;
using System.Diagnostics;
using CoordinationBot.Core.Conversations;
using CoordinationBot.Core.Plans;
using CoordinationBot.Core.Plans.Extraction;
using CoordinationBot.Core.Plans.Import;
using CoordinationBot.Core.StatusReports;
using CoordinationBot.Host;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CoordinationBot.Bench;

/// <summary>
/// <c>coordbot bench fanout</c>: a reporting round's status cards to N conversations through the real outbox, delivery
/// worker and connector client, against a loopback connector that enforces Teams' 50 requests/s and answers 429 to a
/// share of calls. The floor is N / 50 seconds.
/// </summary>
public static class FanoutBench
{
    public static Command Create()
    {
        var count = new Option<int>("--deliveries") { DefaultValueFactory = _ => 1000, Description = "Number of conversations" };
        var share = new Option<double>("--share429") { DefaultValueFactory = _ => 0.05, Description = "Share of calls answered 429 at random" };
        var runs = new Option<int>("--runs") { DefaultValueFactory = _ => 1, Description = "Runs, each on a fresh Azurite; every ratio is printed" };
        var command = new Command("fanout", "Status-card fan-out against Teams' rate limits") { count, share, runs };
        command.SetAction(async (parse, cancellationToken) => await RunAllAsync(parse.GetValue(count), parse.GetValue(share), Math.Max(1, parse.GetValue(runs)), cancellationToken));
        return command;
    }

    /// <summary>The runs one after another, then one line with every ratio (the target holds in each run, not on average).</summary>
    private static async Task<int> RunAllAsync(int deliveries, double share429, int runs, CancellationToken cancellationToken)
    {
        var results = new List<(double Ratio, int Lost, int Duplicated)>();
        for (var run = 0; run < runs; run++)
        {
            results.Add(await RunAsync(deliveries, share429, cancellationToken));
        }

        if (runs > 1)
        {
            var ratios = string.Join(',', results.Select(r => r.Ratio.ToString("F2", System.Globalization.CultureInfo.InvariantCulture)));
            Console.WriteLine(FormattableString.Invariant($"BENCH fanout runs={runs} ratios={ratios} max_ratio={results.Max(r => r.Ratio):F2} lost={results.Sum(r => r.Lost)} duplicated={results.Sum(r => r.Duplicated)}"));
        }

        return results.All(r => r.Lost == 0 && r.Duplicated == 0) ? 0 : 1;
    }

    private static async Task<(double Ratio, int Lost, int Duplicated)> RunAsync(int deliveries, double share429, CancellationToken cancellationToken)
    {
        var (azurite, storage) = await BenchTools.StartAzuriteAsync();
        await using var connector = await LimitedConnector.StartAsync(50, share429);
        try
        {
            var directory = Path.Combine(Path.GetTempPath(), $"coordbot-bench-{Guid.NewGuid():N}.json");
            await File.WriteAllTextAsync(directory, "{\"users\":[]}", cancellationToken);
            var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(BenchTools.LocalDevelopment);
            builder.Configuration.Sources.Clear();
            builder.Configuration.AddInMemoryCollection(BenchTools.HostSettings(storage, directory, ("Delivery:PollInterval", "00:00:00.100"), ("Bot:ConnectorBaseDelay", "00:00:00.200")));
            builder.AddCoordinationBot();
            builder.Logging.ClearProviders();
            using var host = builder.Build();

            var round = await SeedAsync(host.Services, connector.ServiceUrl, deliveries, cancellationToken);
            var watch = Stopwatch.StartNew();
            await host.StartAsync(cancellationToken);
            var log = host.Services.GetRequiredService<IDeliveryLog>();
            // Watched at the connector, in process: polling the delivery log would load the storage the worker is using.
            while (watch.Elapsed < TimeSpan.FromMinutes(5) && connector.Delivered.Count < deliveries)
            {
                await Task.Delay(20, cancellationToken);
            }

            var seconds = watch.Elapsed.TotalSeconds;
            IReadOnlyList<(string DeliveryId, string Agency, DeliveryState State, string? Reason)> states = [];
            for (var i = 0; i < 100 && states.Count(s => s.State is DeliveryState.Sent or DeliveryState.FailedFinal) < deliveries; i++)
            {
                // Each card reached its conversation a moment before its "sent" was recorded.
                await Task.Delay(i == 0 ? 0 : 100, cancellationToken);
                states = await log.ListAsync(round, cancellationToken);
            }

            await host.StopAsync(cancellationToken);
            var floor = deliveries / 50.0;
            var delivered = connector.Delivered;
            var lost = deliveries - delivered.Count;
            var duplicated = delivered.Count(d => d.Value > 1);
            Console.WriteLine(FormattableString.Invariant($"{deliveries} deliveries: {delivered.Count} conversations reached, {connector.Throttled} calls answered 429, {states.Count(s => s.State == DeliveryState.FailedFinal)} failed for good"));
            Console.WriteLine(FormattableString.Invariant($"BENCH fanout deliveries={deliveries} seconds={seconds:F1} floor_seconds={floor:F0} ratio={seconds / floor:F2} lost={lost} duplicated={duplicated}"));
            File.Delete(directory);
            return (seconds / floor, lost, duplicated);
        }
        finally
        {
            azurite.Kill(entireProcessTree: true);
            await azurite.WaitForExitAsync(cancellationToken);
        }
    }

    private static async Task<string> SeedAsync(IServiceProvider services, Uri serviceUrl, int deliveries, CancellationToken cancellationToken)
    {
        var plan = PlanExtractor.Default.Extract("Số: 77/KH-UBND\nKẾ HOẠCH\nKế hoạch đo tải\nIII. TỔ CHỨC THỰC HIỆN\n1. Sở Tư pháp\na) Chủ trì rà soát văn bản.\n");
        var stored = new StoredPlan("77-kh-ubnd", 1, "bench", "bench.txt", DateTimeOffset.UtcNow, null, plan);
        await services.GetRequiredService<IPlanStore>().SaveAsync(stored, cancellationToken);
        var round = new ReportingRound("77-kh-ubnd~2026-Y", stored.Key, 1, ReportingPeriod.WholeYear(2026), new DateOnly(2099, 1, 1), "bench", DateTimeOffset.UtcNow, RoundState.Open, null);
        await services.GetRequiredService<IStatusReportStore>().AddRoundAsync(round, cancellationToken);
        var queue = services.GetRequiredService<DeliveryScheduler>();
        await Parallel.ForEachAsync(Enumerable.Range(0, deliveries), new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = cancellationToken }, async (i, ct) =>
        {
            var reference = new ConversationReference("msteams", serviceUrl.ToString(), $"a:bench-{i}", "personal", "bench-tenant", "28:bot", $"29:user-{i}", $"aad-{i}", null, DateTimeOffset.UtcNow);
            await queue.QueueAsync(new Delivery(round.Id, "Sở Tư pháp", reference), ct);
        });
        return round.Id;
    }

    /// <summary>A loopback connector that allows <c>perSecond</c> requests in any second, answers 429 beyond, and some at random.</summary>
    private sealed class LimitedConnector : IAsyncDisposable
    {
        private readonly WebApplication app;
        private readonly int perSecond;
        private readonly double share;
        private readonly Queue<long> recent = new();
        private readonly Lock gate = new();
        private int throttled;

        private LimitedConnector(WebApplication app, int perSecond, double share)
        {
            this.app = app;
            this.perSecond = perSecond;
            this.share = share;
        }

        public Uri ServiceUrl { get; private set; } = null!;

        public ConcurrentDictionary<string, int> Delivered { get; } = new(StringComparer.Ordinal);

        public int Throttled => throttled;

        public static async Task<LimitedConnector> StartAsync(int perSecond, double share)
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            builder.Logging.ClearProviders();
            var app = builder.Build();
            var connector = new LimitedConnector(app, perSecond, share);
            app.MapPost("/v3/conversations/{id}/activities", connector.HandleAsync);
            await app.StartAsync();
            connector.ServiceUrl = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/') + "/");
            return connector;
        }

        public async ValueTask DisposeAsync()
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }

        private async Task HandleAsync(HttpContext context, string id)
        {
            bool allowed;
            lock (gate)
            {
                var now = Stopwatch.GetTimestamp();
                while (recent.Count > 0 && Stopwatch.GetElapsedTime(recent.Peek(), now) > TimeSpan.FromSeconds(1))
                {
                    recent.Dequeue();
                }

                allowed = recent.Count < perSecond && Random.Shared.NextDouble() >= share;
                if (allowed)
                {
                    recent.Enqueue(now);
                }
            }

            if (!allowed)
            {
                Interlocked.Increment(ref throttled);
                context.Response.StatusCode = 429;
                context.Response.Headers.RetryAfter = "1";
                return;
            }

            Delivered.AddOrUpdate(Uri.UnescapeDataString(id), 1, (_, n) => n + 1);
            await context.Response.WriteAsJsonAsync(new { id = Guid.NewGuid().ToString("N") });
        }
    }
}
