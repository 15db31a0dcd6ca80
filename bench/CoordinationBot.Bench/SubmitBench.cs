using System.Collections.Concurrent;
using System.CommandLine;
using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CoordinationBot.Core.Plans;
using CoordinationBot.Core.Plans.Extraction;
using CoordinationBot.Core.Plans.Import;
using CoordinationBot.Core.StatusReports;
using Microsoft.Extensions.DependencyInjection;

namespace CoordinationBot.Bench;

/// <summary>
/// <c>coordbot bench submit</c>: N officers of N agencies press "Gửi báo cáo" at the same moment; each invoke goes
/// through the real bot host over HTTP on loopback (development mode) into Azurite, after warm-up bursts of other
/// agencies and a pause (a new process runs the path as tier-0 code and compiles it again while measured; a host in
/// service has long done that).
/// </summary>
public static class SubmitBench
{
    public static Command Create()
    {
        var count = new Option<int>("--submissions") { DefaultValueFactory = _ => 100, Description = "Concurrent submissions" };
        var command = new Command("submit", "Concurrent status-card submissions through /api/messages") { count };
        command.SetAction(async (parse, cancellationToken) => await RunAsync(parse.GetValue(count), cancellationToken));
        return command;
    }

    private const int WarmUpBurst = 50;
    private const int WarmUps = 2 * WarmUpBurst;

    private static async Task<int> RunAsync(int n, CancellationToken cancellationToken)
    {
        var (azurite, storage) = await BenchTools.StartAzuriteAsync();
        var directory = Path.Combine(Path.GetTempPath(), $"coordbot-bench-{Guid.NewGuid():N}.json");
        // Agencies n and after are the warm-up's: they submit before the burst, as in a host that has been running.
        var users = new JsonArray([.. Enumerable.Range(0, n + WarmUps).Select(i => (JsonNode)new JsonObject { ["aadObjectId"] = $"aad-{i}", ["agency"] = $"Phòng Thử nghiệm {i}" })]);
        await File.WriteAllTextAsync(directory, new JsonObject { ["users"] = users }.ToJsonString(), cancellationToken);
        var port = BenchTools.FreePort();
        var requests = new RequestCount();
        await using var app = BenchTools.BuildBotHost(storage, directory, port, requests, ("Delivery:Enabled", "false"));
        try
        {
            var roundId = await SeedAsync(app.Services, n, cancellationToken);
            await app.StartAsync(cancellationToken);
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/") };
            await http.GetStringAsync("healthz", cancellationToken);
            for (var burst = 0; burst < WarmUps / WarmUpBurst; burst++)
            {
                var first = n + (burst * WarmUpBurst);
                var (_, _, refused) = await BurstAsync(http, WarmUpBurst, i => Invoke(first + i, roundId), body => body.Contains("Đã ghi nhận", StringComparison.Ordinal), cancellationToken);
                if (refused > 0)
                {
                    throw new InvalidOperationException($"{refused} warm-up submissions were not confirmed.");
                }

                await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
            }

            requests.Reset();
            var (p95, seconds, failures) = await BurstAsync(http, n, i => Invoke(i, roundId), body => body.Contains("Đã ghi nhận", StringComparison.Ordinal), cancellationToken);
            var perSubmission = (double)requests.Count / n;
            // The host's own floor: the same invokes at once, of a verb no handler takes (HTTP, JSON and routing, no work).
            var (hostFloor, _, _) = await BurstAsync(http, n, i => Invoke(i, roundId, "bench.unrouted"), _ => true, cancellationToken);

            var store = app.Services.GetRequiredService<IStatusReportStore>();
            var stored = 0;
            var duplicated = 0;
            for (var i = 0; i < n; i++)
            {
                var count = (await store.GetReportsAsync(roundId, $"Phòng Thử nghiệm {i}", cancellationToken)).Count;
                stored += Math.Min(count, 1);
                duplicated += Math.Max(count - 1, 0);
            }

            await app.StopAsync(cancellationToken);

            // The floor: as many single-request writes of one report-sized entity, all at once, on the same Azurite.
            var floor = await StorageFloors.SingleWritesP95Async(storage, n, cancellationToken);
            // What the submission's own batch costs the storage alone (no host, no round read): the shape's floor.
            var batchFloor = await StorageFloors.SubmissionBatchesP95Async(storage, n, cancellationToken);
            Console.WriteLine(FormattableString.Invariant($"{n} submissions in {seconds:F2} s; {failures} not confirmed; {stored} reports stored; floor: {n} single writes at once, p95 {floor:F0} ms"));
            Console.WriteLine(FormattableString.Invariant($"BENCH submit n={n} per_s={n / seconds:F1} p95_ms={p95:F0} floor_p95_ms={floor:F0} ratio={p95 / floor:F2} storage_requests_per_submission={perSubmission:F2} batch_floor_p95_ms={batchFloor:F0} host_floor_p95_ms={hostFloor:F0} shape_ratio={p95 / (batchFloor + hostFloor):F2} lost={n - stored} duplicated={duplicated}"));
            return stored == n && duplicated == 0 ? 0 : 1;
        }
        finally
        {
            File.Delete(directory);
            azurite.Kill(entireProcessTree: true);
            await azurite.WaitForExitAsync(cancellationToken);
        }
    }

    /// <summary>Posts the <paramref name="n"/> invokes all at once; their p95, the seconds until the last answered, and the answers not accepted.</summary>
    private static async Task<(double P95, double Seconds, int Failures)> BurstAsync(HttpClient http, int n, Func<int, JsonObject> invoke, Func<string, bool> accepted, CancellationToken cancellationToken)
    {
        var latencies = new ConcurrentBag<double>();
        var failures = 0;
        using var start = new SemaphoreSlim(0, n);
        var calls = Enumerable.Range(0, n).Select(async i =>
        {
            await start.WaitAsync(cancellationToken);
            var begun = Stopwatch.GetTimestamp();
            using var response = await http.PostAsJsonAsync("api/messages", invoke(i), cancellationToken);
            latencies.Add(Stopwatch.GetElapsedTime(begun).TotalMilliseconds);
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            if (!response.IsSuccessStatusCode || !accepted(body))
            {
                Interlocked.Increment(ref failures);
            }
        }).ToList();
        var watch = Stopwatch.StartNew();
        start.Release(n);
        await Task.WhenAll(calls);
        return (BenchTools.Percentile(latencies, 0.95), watch.Elapsed.TotalSeconds, failures);
    }

    private static async Task<string> SeedAsync(IServiceProvider services, int n, CancellationToken cancellationToken)
    {
        var body = string.Concat(Enumerable.Range(0, n + WarmUps).Select(i => $"{i + 1}. Phòng Thử nghiệm {i}\na) Chủ trì nhiệm vụ đo tải số {i}.\n"));
        var plan = PlanExtractor.Default.Extract($"Số: 78/KH-UBND\nKẾ HOẠCH\nKế hoạch đo tải gửi báo cáo\nIII. TỔ CHỨC THỰC HIỆN\n{body}");
        var stored = new StoredPlan("78-kh-ubnd", 1, "bench", "bench.txt", DateTimeOffset.UtcNow, null, plan);
        await services.GetRequiredService<IPlanStore>().SaveAsync(stored, cancellationToken);
        var round = new ReportingRound("78-kh-ubnd~2026-Y", stored.Key, 1, ReportingPeriod.WholeYear(2026), new DateOnly(2099, 1, 1), "bench", DateTimeOffset.UtcNow, RoundState.Open, null);
        await services.GetRequiredService<IStatusReportStore>().AddRoundAsync(round, cancellationToken);
        return round.Id;
    }

    /// <summary>The invoke Teams sends when officer i presses "Gửi báo cáo" on their agency's card.</summary>
    private static JsonObject Invoke(int i, string roundId, string verb = "report.save") => new()
    {
        ["type"] = "invoke",
        ["name"] = "adaptiveCard/action",
        ["id"] = $"invoke-{i}",
        ["serviceUrl"] = "http://127.0.0.1:9/",
        ["channelId"] = "msteams",
        ["from"] = new JsonObject { ["id"] = $"29:user-{i}", ["name"] = $"Cán bộ {i}", ["aadObjectId"] = $"aad-{i}" },
        ["recipient"] = new JsonObject { ["id"] = "28:bot" },
        ["conversation"] = new JsonObject { ["id"] = $"a:bench-{i}", ["conversationType"] = "personal", ["tenantId"] = "bench-tenant" },
        ["value"] = new JsonObject
        {
            ["action"] = new JsonObject
            {
                ["type"] = "Action.Execute",
                ["verb"] = verb,
                ["data"] = new JsonObject
                {
                    ["roundId"] = roundId,
                    ["agency"] = $"Phòng Thử nghiệm {i}",
                    ["tasks"] = new JsonArray($"III.{i + 1}.a"),
                    ["etags"] = new JsonObject(),
                    ["status_0"] = "InProgress",
                    ["percent_0"] = "60",
                    ["result_0"] = $"Đã triển khai phần {i}.",
                },
            },
        },
    };

    /// <summary>Counts the table requests the host sends.</summary>
    private sealed class RequestCount : Azure.Core.Pipeline.HttpPipelineSynchronousPolicy
    {
        private int count;

        public int Count => Volatile.Read(ref count);

        public void Reset() => Interlocked.Exchange(ref count, 0);

        public override void OnSendingRequest(Azure.Core.HttpMessage message) => Interlocked.Increment(ref count);
    }
}
