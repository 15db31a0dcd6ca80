using System.CommandLine;
using System.Diagnostics;
using CoordinationBot.Core.Conversations;
using CoordinationBot.Core.Plans;
using CoordinationBot.Core.Plans.Extraction;
using CoordinationBot.Core.Plans.Import;
using CoordinationBot.Core.StatusReports;
using CoordinationBot.Host;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CoordinationBot.Bench;

/// <summary>
/// <c>coordbot bench fanout</c>: a reporting round's status cards to N conversations through the real outbox, delivery
/// worker and connector client, against a loopback connector that enforces Teams' 50 requests/s and answers 429 to a
/// share of calls. The floor is N / 50 seconds.
/// </summary>
public static partial class FanoutBench
{
    public static Command Create()
    {
        var count = new Option<int>("--deliveries") { DefaultValueFactory = _ => 1000, Description = "Number of conversations" };
        var share = new Option<double>("--share429") { DefaultValueFactory = _ => 0.05, Description = "Share of calls answered 429 at random" };
        var latency = new Option<int>("--latency-ms") { DefaultValueFactory = _ => 0, Description = "How long the connector takes to answer each call (Teams takes about 100-300 ms)" };
        var runs = new Option<int>("--runs") { DefaultValueFactory = _ => 1, Description = "Runs, each on a fresh Azurite and host; every ratio is printed" };
        var command = new Command("fanout", "Status-card fan-out against Teams' rate limits") { count, share, latency, runs };
        command.SetAction(async (parse, cancellationToken) => await RunAllAsync(parse.GetValue(count), new Teams(parse.GetValue(share), TimeSpan.FromMilliseconds(Math.Max(0, parse.GetValue(latency)))), Math.Max(1, parse.GetValue(runs)), cancellationToken));
        return command;
    }

    /// <summary>The runs one after another, then one line with every ratio (the target holds in each run, not on average).</summary>
    private static async Task<int> RunAllAsync(int deliveries, Teams teams, int runs, CancellationToken cancellationToken)
    {
        // Each run on an emulator of its own: Azurite sweeps its queue's deleted messages a minute after it starts and
        // each minute after, stalling every queue call for seconds once thousands have passed (4.8-5.1 s pauses, each
        // at 60 s, in runs sharing one emulator; the service has no such pause). A fresh emulator is cold, as a fresh
        // host is: a small fan-out on both first, not counted.
        var results = new List<(double Ratio, int Lost, int Duplicated)>();
        var warmUps = new List<(double Ratio, int Lost, int Duplicated)>();
        for (var run = 0; run < runs; run++)
        {
            var (azurite, storage) = await BenchTools.StartAzuriteAsync();
            try
            {
                warmUps.Add(await RunAsync(storage, "benchwarm", WarmUpDeliveries, teams, cancellationToken, warmUp: true));
                results.Add(await RunAsync(storage, "bench", deliveries, teams, cancellationToken));
            }
            finally
            {
                azurite.Kill(entireProcessTree: true);
                await azurite.WaitForExitAsync(cancellationToken);
            }
        }

        if (runs > 1)
        {
            var ratios = string.Join(',', results.Select(r => r.Ratio.ToString("F2", System.Globalization.CultureInfo.InvariantCulture)));
            Console.WriteLine(FormattableString.Invariant($"BENCH fanout runs={runs} ratios={ratios} max_ratio={results.Max(r => r.Ratio):F2} lost={results.Sum(r => r.Lost)} duplicated={results.Sum(r => r.Duplicated)}"));
        }

        return results.Concat(warmUps).All(r => r.Lost == 0 && r.Duplicated == 0) ? 0 : 1;
    }

    private const int WarmUpDeliveries = 50;

    /// <summary>How the bench's Teams behaves: the share of calls it answers 429 at random, and how long it takes to answer.</summary>
    private sealed record Teams(double Share429, TimeSpan Latency);

    private static async Task<(double Ratio, int Lost, int Duplicated)> RunAsync(string storage, string prefix, int deliveries, Teams teams, CancellationToken cancellationToken, bool warmUp = false)
    {
        await using var connector = await LimitedConnector.StartAsync(50, teams);
        var directory = Path.Combine(Path.GetTempPath(), $"coordbot-bench-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(directory, "{\"users\":[]}", cancellationToken);
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(BenchTools.LocalDevelopment);
        builder.Configuration.Sources.Clear();
        builder.Configuration.AddInMemoryCollection(BenchTools.HostSettings(storage, directory, ("Storage:TablePrefix", prefix), ("Delivery:PollInterval", "00:00:00.100"), ("Bot:ConnectorBaseDelay", "00:00:00.200")));
        builder.AddCoordinationBot();
        builder.Logging.ClearProviders();
        using var host = builder.Build();

        var round = await SeedAsync(host.Services, connector.ServiceUrl, deliveries, cancellationToken);
        var watch = Stopwatch.StartNew();
        var watchStart = Stopwatch.GetTimestamp();
        await host.StartAsync(cancellationToken);
        var log = host.Services.GetRequiredService<IDeliveryLog>();
        // Watched at the connector, in process: polling the delivery log would load the storage the worker is using.
        while (watch.Elapsed < TimeSpan.FromMinutes(5) && connector.Delivered.Count < deliveries)
        {
            await Task.Delay(20, cancellationToken);
        }

        // The fan-out from its first call to the connector to the last card accepted; the host's start before it is
        // printed apart (a host in service is running when a round opens).
        var started = Stopwatch.GetElapsedTime(watchStart, connector.FirstCallAt).TotalSeconds;
        var seconds = Stopwatch.GetElapsedTime(connector.FirstCallAt, connector.LastDeliveredAt).TotalSeconds;
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
        Console.WriteLine(FormattableString.Invariant($"{deliveries} deliveries: {delivered.Count} conversations reached, {connector.Throttled} calls answered 429, {states.Count(s => s.State == DeliveryState.FailedFinal)} failed for good; host start to first call {started:F2} s; longest pause between calls {connector.LongestPause.Pause.TotalSeconds:F2} s, ending {connector.LongestPause.At.TotalSeconds:F1} s in"));
        Console.WriteLine(FormattableString.Invariant($"{(warmUp ? "warm-up" : "BENCH")} fanout deliveries={deliveries} seconds={seconds:F1} floor_seconds={floor:F0} ratio={seconds / floor:F2} start_seconds={started:F2} lost={lost} duplicated={duplicated}"));
        File.Delete(directory);
        return (seconds / floor, lost, duplicated);
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
}

