using System.CommandLine;
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
/// through the real bot host over HTTP on loopback (development mode) into Azurite, after as many warm-up bursts of
/// other agencies, each followed by a pause (a new process runs the path as tier-0 code and compiles it again while
/// measured; a host in service has long done that, and met bursts this size). Three bursts are measured, each
/// followed by its floor; their medians are compared.
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

    /// <summary>Bursts of other agencies first, as large as the measured ones (a host in service has met bursts like them).</summary>
    private const int WarmUpBursts = 3;

    /// <summary>Measured bursts, each of other agencies and each followed by its floor: one burst of each moves by a third between runs; their medians are compared.</summary>
    private const int Bursts = 3;

    private static async Task<int> RunAsync(int n, CancellationToken cancellationToken)
    {
        var (azurite, storage) = await BenchTools.StartAzuriteAsync();
        var directory = Path.Combine(Path.GetTempPath(), $"coordbot-bench-{Guid.NewGuid():N}.json");
        // Agencies 0 to Bursts × n - 1 press Gửi in the measured bursts; those after are the warm-up's: they submit
        // before the bursts, as in a host that has been running.
        var users = new JsonArray([.. Enumerable.Range(0, (Bursts + WarmUpBursts) * n).Select(i => (JsonNode)new JsonObject { ["aadObjectId"] = $"aad-{i}", ["agency"] = $"Phòng Thử nghiệm {i}" })]);
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
            for (var burst = 0; burst < WarmUpBursts; burst++)
            {
                var first = (Bursts + burst) * n;
                var (_, _, refused) = await BurstAsync(http, n, i => Invoke(first + i, roundId), body => body.Contains("Đã ghi nhận", StringComparison.Ordinal), cancellationToken);
                if (refused > 0)
                {
                    throw new InvalidOperationException($"{refused} warm-up submissions were not confirmed.");
                }

                await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
            }

            requests.Reset();
            var bursts = new List<(double P95, double Seconds, int Failures)>();
            // The floor: as many single-request writes of one report-sized entity, all at once, on the same Azurite,
            // after each burst, while the host runs (the machine in the same state as for the burst).
            var floors = new List<double>();
            for (var burst = 0; burst < Bursts; burst++)
            {
                var first = burst * n;
                bursts.Add(await BurstAsync(http, n, i => Invoke(first + i, roundId), body => body.Contains("Đã ghi nhận", StringComparison.Ordinal), cancellationToken));
                await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
                floors.Add(await StorageFloors.SingleWritesP95Async(storage, n, cancellationToken));
                await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
            }

            var perSubmission = (double)requests.Count / (Bursts * n);
            var (p95, seconds) = (BenchTools.Median(bursts.Select(b => b.P95)), BenchTools.Median(bursts.Select(b => b.Seconds)));
            var failures = bursts.Sum(b => b.Failures);
            // The host's own floor: the same invokes at once, of a verb no handler takes (HTTP, JSON and routing, no work).
            var (hostFloor, _, _) = await BurstAsync(http, n, i => Invoke(i, roundId, "bench.unrouted"), _ => true, cancellationToken);

            var store = app.Services.GetRequiredService<IStatusReportStore>();
            // The storage's share: the same submissions' saves at once, straight into the store (no HTTP, card or handler).
            var storeP95 = await StoreBurstP95Async(store, roundId, n, cancellationToken);
            var stored = 0;
            var duplicated = 0;
            for (var i = 0; i < Bursts * n; i++)
            {
                var count = (await store.GetReportsAsync(roundId, $"Phòng Thử nghiệm {i}", cancellationToken)).Count;
                stored += Math.Min(count, 1);
                duplicated += Math.Max(count - 1, 0);
            }

            await app.StopAsync(cancellationToken);

            var floor = BenchTools.Median(floors);
            // What the submission's own batch costs the storage alone (no host, no round read): the shape's floor.
            var batchFloor = await StorageFloors.SubmissionBatchesP95Async(storage, n, cancellationToken);
            Console.WriteLine(FormattableString.Invariant($"{n} submissions in {seconds:F2} s; {failures} not confirmed; {stored} reports stored; floor: {n} single writes at once, p95 {floor:F0} ms"));
            Console.WriteLine(FormattableString.Invariant($"BENCH submit n={n} bursts={Bursts} p95s_ms={string.Join(',', bursts.Select(b => b.P95.ToString("F0", System.Globalization.CultureInfo.InvariantCulture)))} floors_p95_ms={string.Join(',', floors.Select(f => f.ToString("F0", System.Globalization.CultureInfo.InvariantCulture)))} per_s={n / seconds:F1} p95_ms={p95:F0} floor_p95_ms={floor:F0} ratio={p95 / floor:F2} storage_requests_per_submission={perSubmission:F2} batch_floor_p95_ms={batchFloor:F0} host_floor_p95_ms={hostFloor:F0} shape_ratio={p95 / (batchFloor + hostFloor):F2} store_p95_ms={storeP95:F0} lost={(Bursts * n) - stored} duplicated={duplicated}"));
            return stored == Bursts * n && duplicated == 0 ? 0 : 1;
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
        var (p95, seconds, responses) = await BenchTools.AllAtOnceAsync(n, i => http.PostAsJsonAsync("api/messages", invoke(i), cancellationToken), cancellationToken);
        var failures = 0;
        foreach (var response in responses)
        {
            using (response)
            {
                if (!response.IsSuccessStatusCode || !accepted(await response.Content.ReadAsStringAsync(cancellationToken)))
                {
                    failures++;
                }
            }
        }

        return (p95, seconds, failures);
    }

    /// <summary>The p95 of <paramref name="n"/> saves of one report each, of agencies of their own, into the store at once.</summary>
    private static Task<double> StoreBurstP95Async(IStatusReportStore store, string roundId, int n, CancellationToken cancellationToken) =>
        BenchTools.AllAtOnceP95Async(
            n,
            i =>
            {
                var report = new StatusReport(roundId, $"Phòng Đo kho {i}", $"III.{i + 1}.a", ProgressStatus.InProgress, 60, $"Đã triển khai phần {i}.", string.Empty, string.Empty, $"aad-{i}", DateTimeOffset.UtcNow);
                return store.SaveReportsAsync([report], new Dictionary<string, string?> { [report.TaskId] = null }, $"store-{i}", "1", cancellationToken);
            },
            cancellationToken);

    private static async Task<string> SeedAsync(IServiceProvider services, int n, CancellationToken cancellationToken)
    {
        // Agencies in groups of a hundred, as "1.1.", "1.2." …: plans number items up to three digits (a line starting
        // "1000." is not read as an item), and a bench of many agencies would otherwise stop there.
        var body = string.Concat(Enumerable.Range(0, (Bursts + WarmUpBursts) * n).Select(i =>
            (i % GroupSize == 0 ? $"{(i / GroupSize) + 1}. Nhóm {(i / GroupSize) + 1}\n" : string.Empty) + $"{(i / GroupSize) + 1}.{(i % GroupSize) + 1}. Phòng Thử nghiệm {i}\na) Chủ trì nhiệm vụ đo tải số {i}.\n"));
        var plan = PlanExtractor.Default.Extract($"Số: 78/KH-UBND\nKẾ HOẠCH\nKế hoạch đo tải gửi báo cáo\nIII. TỔ CHỨC THỰC HIỆN\n{body}");
        var stored = new StoredPlan("78-kh-ubnd", 1, "bench", "bench.txt", DateTimeOffset.UtcNow, null, plan);
        await services.GetRequiredService<IPlanStore>().SaveAsync(stored, cancellationToken);
        var round = new ReportingRound("78-kh-ubnd~2026-Y", stored.Key, 1, ReportingPeriod.WholeYear(2026), new DateOnly(2099, 1, 1), "bench", DateTimeOffset.UtcNow, RoundState.Open, null);
        await services.GetRequiredService<IStatusReportStore>().AddRoundAsync(round, cancellationToken);
        return round.Id;
    }

    private const int GroupSize = 100;

    /// <summary>Agency i's task in the seeded plan.</summary>
    private static string TaskOf(int i) => $"III.{(i / GroupSize) + 1}.{(i % GroupSize) + 1}.a";

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
                    ["tasks"] = new JsonArray(TaskOf(i)),
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
