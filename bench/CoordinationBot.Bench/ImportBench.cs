using System.CommandLine;
using System.Diagnostics;
using CoordinationBot.Core.Plans;
using CoordinationBot.Core.Plans.Extraction;
using CoordinationBot.Core.Plans.Import;
using Microsoft.Extensions.DependencyInjection;

namespace CoordinationBot.Bench;

/// <summary>
/// <c>coordbot bench import</c>: a 300-task plan stored in the registry (Azurite), against the floor of writing as
/// many report-sized entities in batches of 100 on the same storage; the median of several runs of each.
/// </summary>
public static class ImportBench
{
    public static Command Create()
    {
        var tasks = new Option<int>("--tasks") { DefaultValueFactory = _ => 300 };
        var runs = new Option<int>("--runs") { DefaultValueFactory = _ => 7 };
        var command = new Command("import", "Storing a large plan in the registry, against batched writes of as many entities") { tasks, runs };
        command.SetAction(async (parse, cancellationToken) => await RunAsync(parse.GetValue(tasks), Math.Max(3, parse.GetValue(runs)), cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(int taskCount, int runs, CancellationToken cancellationToken)
    {
        var (azurite, storage) = await BenchTools.StartAzuriteAsync();
        try
        {
            using var host = BenchTools.BuildServices(storage);
            var plans = host.Services.GetRequiredService<IPlanStore>();
            var plan = PlanExtractor.Default.Extract(BenchCommand.SyntheticPlan(taskCount));

            // One untimed run each, so that both start with their tables made and connections open.
            await plans.SaveAsync(new StoredPlan("warm-up", 1, "warm-up", "bench.txt", DateTimeOffset.UtcNow, null, plan), cancellationToken);
            await StorageFloors.BatchWritesSecondsAsync(storage, plan.Tasks.Count + 1, cancellationToken);

            var stored = new List<double>();
            var floors = new List<double>();
            for (var run = 0; run < runs; run++)
            {
                var watch = Stopwatch.StartNew();
                await plans.SaveAsync(new StoredPlan($"bench-{run}", 1, $"hash-{run}", "bench.txt", DateTimeOffset.UtcNow, null, plan), cancellationToken);
                stored.Add(watch.Elapsed.TotalMilliseconds);
                floors.Add(await StorageFloors.BatchWritesSecondsAsync(storage, plan.Tasks.Count + 1, cancellationToken) * 1000);
            }

            var (ms, floor) = (BenchTools.Percentile(stored, 0.5), BenchTools.Percentile(floors, 0.5));
            Console.WriteLine(FormattableString.Invariant($"{plan.Tasks.Count}-task plan stored in {ms:F0} ms (median of {runs}); floor: {plan.Tasks.Count + 1} entities in batches of 100, {floor:F0} ms"));
            Console.WriteLine(FormattableString.Invariant($"BENCH import tasks={plan.Tasks.Count} ms={ms:F0} floor_ms={floor:F0} ratio={ms / floor:F2} runs={runs}"));
            return 0;
        }
        finally
        {
            azurite.Kill(entireProcessTree: true);
            await azurite.WaitForExitAsync(cancellationToken);
        }
    }
}
