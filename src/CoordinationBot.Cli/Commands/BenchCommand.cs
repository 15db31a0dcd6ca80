using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using CoordinationBot.Core.Plans.Extraction;

namespace CoordinationBot.Cli.Commands;

/// <summary><c>coordbot bench NAME</c>: benchmarks that print their figures and end with one <c>BENCH NAME key=value …</c> line.</summary>
public static class BenchCommand
{
    public static Command Create()
    {
        var seeds = new Option<DirectoryInfo>("--seeds") { Description = "Folder of plan texts", DefaultValueFactory = _ => new DirectoryInfo(Path.Combine("..", "shared", "seeds")) };
        var runs = new Option<int>("--runs") { Description = "Timed runs per plan", DefaultValueFactory = _ => 30 };
        var extract = new Command("extract", "Plan extraction time: median per seed plan, and a synthetic 300-task plan") { seeds, runs };
        extract.SetAction(parse =>
        {
            var folder = parse.GetValue(seeds)!;
            if (!folder.Exists)
            {
                Console.Error.WriteLine($"{folder.FullName} not found: pass --seeds DIR.");
                return 2;
            }

            var count = Math.Max(3, parse.GetValue(runs));
            var perSeed = new List<double>();
            foreach (var file in folder.EnumerateFiles("*.txt").OrderBy(f => f.Name, StringComparer.Ordinal))
            {
                var ms = MedianMs(File.ReadAllText(file.FullName), count);
                perSeed.Add(ms);
                Console.WriteLine($"{file.Name}: {ms.ToString("F2", CultureInfo.InvariantCulture)} ms");
            }

            var synthetic = SyntheticPlan(300);
            var syntheticMs = MedianMs(synthetic, count);
            var tasks = PlanExtractor.Default.Extract(synthetic).Tasks.Count;
            Console.WriteLine($"synthetic plan: {tasks} tasks, {synthetic.Length} characters: {syntheticMs.ToString("F2", CultureInfo.InvariantCulture)} ms");
            Console.WriteLine(FormattableString.Invariant($"BENCH extract median_ms={Median(perSeed):F2} synthetic300_ms={syntheticMs:F2} seeds={perSeed.Count} runs={count}"));
            return 0;
        });
        return new Command("bench", "Benchmarks") { extract };
    }

    private static double MedianMs(string text, int runs)
    {
        PlanExtractor.Default.Extract(text);
        var times = new List<double>(runs);
        for (var i = 0; i < runs; i++)
        {
            var start = Stopwatch.GetTimestamp();
            PlanExtractor.Default.Extract(text);
            times.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        }

        return Median(times);
    }

    private static double Median(List<double> values)
    {
        values.Sort();
        return values.Count == 0 ? 0 : values.Count % 2 == 1 ? values[values.Count / 2] : (values[(values.Count / 2) - 1] + values[values.Count / 2]) / 2;
    }

    /// <summary>A plan with <paramref name="tasks"/> lettered tasks under 30 agency headings, in the usual layout and line breaks.</summary>
    public static string SyntheticPlan(int tasks)
    {
        string[] agencies = ["Sở Tư pháp", "Sở Y tế", "Sở Nội vụ", "Sở Tài chính", "Công an tỉnh", "Sở Xây dựng"];
        string[] letters = ["a", "b", "c", "d", "đ", "e", "g", "h", "i", "k"];
        var text = new StringBuilder("ỦY BAN NHÂN DÂN TỈNH\nSố: 99/KH-UBND\nThử Nghiệm, ngày 01 tháng 02 năm 2026\nKẾ HOẠCH\nKế hoạch tổng hợp năm 2026\nIII. TỔ CHỨC THỰC HIỆN\n");
        for (var i = 0; i < tasks; i++)
        {
            if (i % letters.Length == 0)
            {
                text.Append(CultureInfo.InvariantCulture, $"{(i / letters.Length) + 1}. {agencies[(i / letters.Length) % agencies.Length]}\n");
            }

            var verb = (i % 3) switch { 0 => "Chủ trì, phối hợp với Sở Ngoại vụ và các cơ quan liên quan", 1 => "Phối hợp với Văn phòng Ủy ban nhân dân tỉnh", _ => "Tổ chức" };
            text.Append(CultureInfo.InvariantCulture, $"{letters[i % letters.Length]}) {verb} triển khai nhiệm vụ số {i + 1} về\nchuyển đổi số, báo cáo trước ngày 15 tháng 6 năm 2026.\n");
        }

        return text.Append("Trên đây là Kế hoạch; định kỳ 6 tháng báo cáo Ủy ban nhân dân tỉnh (qua Sở Nội vụ) để tổng hợp./.\n").ToString();
    }
}
