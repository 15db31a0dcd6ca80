using System.CommandLine;
using System.Diagnostics;
using CoordinationBot.Core.Consolidation;
using CoordinationBot.Core.Plans;
using CoordinationBot.Core.Plans.Import;
using CoordinationBot.Core.StatusReports;
using CoordinationBot.Documents.Reports;
using CoordinationBot.Storage.StatusReports;
using Microsoft.Extensions.DependencyInjection;

namespace CoordinationBot.Bench;

/// <summary>
/// <c>coordbot bench consolidate</c>: A agencies × T tasks reports in Azurite, then the consolidation end to end —
/// read every report, summarise, write the .docx and .xlsx, store both in blob storage.
/// </summary>
public static class ConsolidateBench
{
    public static Command Create()
    {
        var agencies = new Option<int>("--agencies") { DefaultValueFactory = _ => 200 };
        var tasks = new Option<int>("--tasks") { DefaultValueFactory = _ => 100 };
        var runs = new Option<int>("--runs") { DefaultValueFactory = _ => 3, Description = "consolidations measured, each with its floor; the medians are compared" };
        var command = new Command("consolidate", "Consolidation of a large round (reports, summary, Word, Excel)") { agencies, tasks, runs };
        command.SetAction(async (parse, cancellationToken) => await RunAsync(parse.GetValue(agencies), parse.GetValue(tasks), Math.Max(1, parse.GetValue(runs)), cancellationToken));
        return command;
    }

    private const int WarmUps = 5;

    private sealed record Measured(double Seconds, double Summarized, double Written, int WordBytes, int ExcelBytes, int Reports);

    /// <summary>One consolidation end to end: read and summarise, write both documents side by side, store them.</summary>
    private static async Task<Measured> MeasureAsync(ConsolidateHandler consolidate, IReportFileStore files, ReportingRound round, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        var summary = (await consolidate.SummarizeAsync(round, cancellationToken))!;
        var summarized = watch.Elapsed.TotalSeconds;
        var documents = await Task.WhenAll(Task.Run(() => ConsolidationDocument.Write(summary), cancellationToken), Task.Run(() => ConsolidationWorkbook.Write(summary), cancellationToken));
        var written = watch.Elapsed.TotalSeconds;
        await files.SaveAsync("bao-cao.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", documents[0], cancellationToken);
        await files.SaveAsync("tong-hop.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", documents[1], cancellationToken);
        return new(watch.Elapsed.TotalSeconds, summarized, written, documents[0].Length, documents[1].Length, summary.Tasks.Sum(t => t.Agencies.Count(a => a.Report is not null)));
    }

    private static async Task<int> RunAsync(int agencyCount, int taskCount, int runs, CancellationToken cancellationToken)
    {
        var (azurite, storage) = await BenchTools.StartAzuriteAsync();
        try
        {
            using var host = BenchTools.BuildServices(storage);
            var services = host.Services;

            var agencies = Enumerable.Range(1, agencyCount).Select(i => $"Đơn vị thử nghiệm {i}").ToList();
            var plan = new Plan("KH", "79/KH-UBND", "ỦY BAN NHÂN DÂN TỈNH THỬ NGHIỆM", new DateOnly(2026, 1, 5), 2026, "Kế hoạch đo tải tổng hợp", [], agencies[0], [],
                Enumerable.Range(1, taskCount).Select(t => new PlanTask($"III.{t}", "TỔ CHỨC THỰC HIỆN", $"Nhiệm vụ thử nghiệm số {t} về chuyển đổi số.", null, null,
                    agencies.Select((a, i) => new Assignment(a, i == 0 ? Role.Lead : Role.Support, AssignmentSource.Table)).ToList())).ToList(), []);
            await services.GetRequiredService<IPlanStore>().SaveAsync(new StoredPlan("79-kh-ubnd", 1, "bench", "bench.txt", DateTimeOffset.UtcNow, null, plan), cancellationToken);
            var store = services.GetRequiredService<IStatusReportStore>();
            var round = new ReportingRound("79-kh-ubnd~2026-Y", "79-kh-ubnd", 1, ReportingPeriod.WholeYear(2026), new DateOnly(2099, 1, 1), "bench", DateTimeOffset.UtcNow, RoundState.Open, null);
            await store.AddRoundAsync(round, cancellationToken);

            Console.WriteLine($"Seeding {agencyCount * taskCount} reports…");
            var statuses = Enum.GetValues<ProgressStatus>();
            await Parallel.ForEachAsync(agencies, new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = cancellationToken }, async (agency, ct) =>
            {
                var reports = plan.Tasks.Select((t, i) => new StatusReport(round.Id, agency, t.Id, statuses[i % statuses.Length], (i * 7) % 101, $"Kết quả của {agency} cho {t.Id}.", i % 10 == 0 ? "Thiếu nhân lực." : string.Empty, string.Empty, "bench", DateTimeOffset.UtcNow)).ToList();
                await store.SaveReportsAsync(reports, reports.ToDictionary(r => r.TaskId, _ => (string?)null), actionId: null, roundVersion: null, ct);
            });

            var files = services.GetRequiredService<IReportFileStore>();
            var consolidate = services.GetRequiredService<IServiceScopeFactory>().CreateScope().ServiceProvider.GetRequiredService<ConsolidateHandler>();

            // A host in service has long compiled the path: one small round of the same plan is consolidated first (opened
            // after the measured one, so it is not one of its earlier rounds), as bench submit warms up with one submission.
            var warm = round with { Id = "79-kh-ubnd~2025-Y", Period = ReportingPeriod.WholeYear(2025), OpenedAt = round.OpenedAt.AddDays(1) };
            await store.AddRoundAsync(warm, cancellationToken);
            var warmReports = plan.Tasks.Select((t, i) => new StatusReport(warm.Id, agencies[0], t.Id, statuses[i % statuses.Length], 50, "Khởi động.", "Thiếu nhân lực.", string.Empty, "bench", DateTimeOffset.UtcNow)).ToList();
            await store.SaveReportsAsync(warmReports, warmReports.ToDictionary(r => r.TaskId, _ => (string?)null), actionId: null, roundVersion: null, cancellationToken);
            // A few times, then a pause: the runtime compiles a hot method again, optimised, only after it has run a
            // while (tiered compilation with profile-guided optimisation), in the background.
            for (var i = 0; i < WarmUps; i++)
            {
                var warmSummary = (await consolidate.SummarizeAsync(warm, cancellationToken))!;
                await files.SaveAsync("khoi-dong.docx", "application/octet-stream", ConsolidationDocument.Write(warmSummary), cancellationToken);
                await files.SaveAsync("khoi-dong.xlsx", "application/octet-stream", ConsolidationWorkbook.Write(warmSummary), cancellationToken);
            }

            await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);

            // Runs of the consolidation, each followed by its floor on the same storage; the medians are compared.
            var measured = new List<Measured>();
            var floors = new List<double>();
            var rangedFloors = new List<double>();
            for (var run = 0; run < runs; run++)
            {
                measured.Add(await MeasureAsync(consolidate, files, round, cancellationToken));
                // The floor: paging the same report entities from the same storage, reading each, doing nothing with them.
                var (floor, paged) = await StorageFloors.PageAllAsync(storage, "benchreports", Azure.Data.Tables.TableClient.CreateQueryFilter($"PartitionKey eq {Storage.Tables.TableKey.Encode(round.Id)} and RowKey gt {"%~\uffff"}"), cancellationToken);
                floors.Add(floor);
                // And paged the way the store reads a round of many agencies: its key ranges side by side.
                var (ranged, pagedInRanges) = await StorageFloors.PageSideBySideAsync(storage, "benchreports", TableStatusReportStore.ReadRanges(round.Id, agencies), cancellationToken);
                rangedFloors.Add(ranged);
                var m = measured[^1];
                Console.WriteLine(FormattableString.Invariant($"run {run + 1}: read and summarised {m.Summarized:F2} s; documents written {m.Written - m.Summarized:F2} s; stored {m.Seconds - m.Written:F2} s; floor: {paged} entities paged in {floor:F2} s, {pagedInRanges} in ranges side by side in {ranged:F2} s; .docx {m.WordBytes / 1024} KiB, .xlsx {m.ExcelBytes / 1024} KiB"));
            }

            var peak = Process.GetCurrentProcess().PeakWorkingSet64 / (1024 * 1024);
            var seconds = BenchTools.Percentile(measured.Select(m => m.Seconds), 0.5);
            var summarized = BenchTools.Percentile(measured.Select(m => m.Summarized), 0.5);
            var floorSeconds = BenchTools.Percentile(floors, 0.5);
            var rangedFloor = BenchTools.Percentile(rangedFloors, 0.5);
            var reportsRead = measured[0].Reports;
            Console.WriteLine(FormattableString.Invariant($"BENCH consolidate reports={reportsRead} runs={runs} seconds={seconds:F2} floor_seconds={floorSeconds:F2} ratio={seconds / floorSeconds:F2} summary_ratio={summarized / floorSeconds:F2} ranged_floor_seconds={rangedFloor:F2} ranged_ratio={seconds / rangedFloor:F2} peak_mb={peak}"));
            return reportsRead == agencyCount * taskCount ? 0 : 1;
        }
        finally
        {
            azurite.Kill(entireProcessTree: true);
            await azurite.WaitForExitAsync(cancellationToken);
        }
    }
}
