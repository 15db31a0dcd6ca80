using System.Collections;
using CoordinationBot.Core.Consolidation;
using CoordinationBot.Core.Plans;
using CoordinationBot.Core.StatusReports;
using CoordinationBot.Documents.Reports;
using DocumentFormat.OpenXml.Packaging;

namespace CoordinationBot.IntegrationTests.Documents;

/// <summary>
/// The documents of a large round are written as they go into the saved package: while a 60,000-part round is being
/// written, the memory still in use never grows by more than a fraction of the part's uncompressed XML.
/// </summary>
public sealed class ReportMemoryTests
{
    private const int Agencies = 300;
    private const int Tasks = 200;

    /// <summary>Most the live heap may grow while writing: the compressed output and its buffers, not the 50-70 MB of XML.</summary>
    private const long MaxGrowth = 16L * 1024 * 1024;

    [Fact]
    public void TheExcelMatrix_NeverHoldsTheWholeSheet()
    {
        var (summary, sampled) = Summary();

        var workbook = ConsolidationWorkbook.Write(summary);

        using var document = SpreadsheetDocument.Open(new MemoryStream(workbook), false);
        var sheet = document.WorkbookPart!.WorksheetParts.First(p => p.Uri.OriginalString.EndsWith("sheet1.xml", StringComparison.Ordinal));
        using var xml = sheet.GetStream();
        Assert.True(xml.Length > 3 * MaxGrowth, $"the sheet's XML is {xml.Length / 1048576} MB: too small to tell");
        Assert.True(sampled.MaxGrowth < MaxGrowth, $"the live heap grew by {sampled.MaxGrowth / 1048576} MB while writing");
    }

    [Fact]
    public void TheWordReport_NeverHoldsTheWholeDocument()
    {
        var (summary, sampled) = Summary();

        var report = ConsolidationDocument.Write(summary);

        using var document = WordprocessingDocument.Open(new MemoryStream(report), false);
        using var xml = document.MainDocumentPart!.GetStream();
        Assert.True(xml.Length > 3 * MaxGrowth, $"the report's XML is {xml.Length / 1048576} MB: too small to tell");
        Assert.True(sampled.MaxGrowth < MaxGrowth, $"the live heap grew by {sampled.MaxGrowth / 1048576} MB while writing");
        // Every part is in the appendix, a row each under its header row.
        Assert.Equal(Agencies * Tasks + 1, document.MainDocumentPart.Document.Body!.Elements<DocumentFormat.OpenXml.Wordprocessing.Table>().Max(t => t.Elements<DocumentFormat.OpenXml.Wordprocessing.TableRow>().Count()));
    }

    private static (ConsolidationSummary Summary, SampledTasks Tasks) Summary()
    {
        var agencies = Enumerable.Range(1, Agencies).Select(i => $"Ủy ban nhân dân xã thử nghiệm {i}").ToList();
        var plan = new Plan("KH", "9/KH-UBND", "ỦY BAN NHÂN DÂN TỈNH THỬ NGHIỆM", new DateOnly(2026, 1, 5), 2026, "Kế hoạch", [], agencies[0], [],
            [.. Enumerable.Range(1, Tasks).Select(t => new PlanTask($"II.{t}", "NHIỆM VỤ", $"Nhiệm vụ số {t} về cải cách hành chính.", new DateOnly(2026, 6, 30), null,
                [.. agencies.Select((a, i) => new Assignment(a, i == 0 ? Role.Lead : Role.Support, AssignmentSource.Table))]))], []);
        var round = new ReportingRound("r", "9-kh-ubnd", 1, ReportingPeriod.WholeYear(2026), new DateOnly(2026, 12, 15), "focal", DateTimeOffset.UtcNow, RoundState.Open, null);
        var statuses = Enum.GetValues<ProgressStatus>();
        var tasks = new SampledTasks([.. plan.Tasks.Select(t => new TaskProgress(t, [.. agencies.Select((a, i) => (a, i == 0 ? Role.Lead : Role.Support,
            (StatusReport?)new StatusReport(round.Id, a, t.Id, statuses[i % statuses.Length], i % 101, $"Đã triển khai {t.Id} tại {a}.", string.Empty, string.Empty, "cán bộ", DateTimeOffset.UtcNow)))]))]);
        var summary = new ConsolidationSummary(round, plan, agencies, agencies, [], statuses.ToDictionary(s => s, _ => 0), tasks, [], [], null, new DateOnly(2026, 7, 1));
        tasks.Start();
        return (summary, tasks);
    }

    /// <summary>The round's tasks, measuring the live heap (after a full collection) every few tasks as the writer reads them.</summary>
    private sealed class SampledTasks(List<TaskProgress> tasks) : IReadOnlyList<TaskProgress>
    {
        private long baseline;

        public long MaxGrowth { get; private set; }

        public int Count => tasks.Count;

        public TaskProgress this[int index] => tasks[index];

        public void Start() => baseline = GC.GetTotalMemory(forceFullCollection: true);

        public IEnumerator<TaskProgress> GetEnumerator()
        {
            for (var i = 0; i < tasks.Count; i++)
            {
                if (i % 20 == 19)
                {
                    MaxGrowth = Math.Max(MaxGrowth, GC.GetTotalMemory(forceFullCollection: true) - baseline);
                }

                yield return tasks[i];
            }
        }

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
