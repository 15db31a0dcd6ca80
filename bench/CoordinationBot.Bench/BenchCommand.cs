using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using CoordinationBot.Core.Plans.Extraction;

namespace CoordinationBot.Bench;

/// <summary><c>coordbot bench NAME</c>: benchmarks that print their figures and end with one <c>BENCH NAME key=value …</c> line.</summary>
public static class BenchCommand
{
    public static Command Create()
    {
        var seeds = new Option<DirectoryInfo>("--seeds") { Description = "Folder of plan texts", DefaultValueFactory = _ => new DirectoryInfo(Path.Combine("..", "shared", "seeds")) };
        var runs = new Option<int>("--runs") { Description = "Timed runs per plan", DefaultValueFactory = _ => 30 };
        var extract = new Command("extract", "Plan extraction time: median per seed plan, a synthetic 300-task plan and a 40 KB plan") { seeds, runs };
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
            // A 40 KB plan (UTF-8), the size of a long provincial plan: the target is under 100 ms.
            var size = 50;
            while (Encoding.UTF8.GetByteCount(SyntheticPlan(size)) < 40_000)
            {
                size += 5;
            }

            var large = SyntheticPlan(size);
            var largeMs = MedianMs(large, count);
            Console.WriteLine($"40 KB plan: {size} tasks, {Encoding.UTF8.GetByteCount(large)} bytes: {largeMs.ToString("F2", CultureInfo.InvariantCulture)} ms");
            Console.WriteLine(FormattableString.Invariant($"BENCH extract median_ms={BenchTools.Median(perSeed):F2} synthetic300_ms={syntheticMs:F2} plan40kb_ms={largeMs:F2} seeds={perSeed.Count} runs={count}"));
            return 0;
        });
        return new Command("bench", "Benchmarks") { extract, Ask(seeds), FanoutBench.Create(), SubmitBench.Create(), ConsolidateBench.Create(), LoadBench.Create(), ImportBench.Create() };
    }

    private static Command Ask(Option<DirectoryInfo> seeds)
    {
        var questions = new Option<FileInfo>("--questions") { Description = "Question set (AS<TAB>QUESTION…)", DefaultValueFactory = _ => new FileInfo(Path.Combine("..", "shared", "questions.tsv")) };
        var tasks = new Option<int>("--tasks") { Description = "Synthetic tasks added to the seeds", DefaultValueFactory = _ => 5000 };
        var ask = new Command("ask", "Answer latency in process over the question set, seeds plus a synthetic registry") { seeds, questions, tasks };
        ask.SetAction(parse =>
        {
            var folder = parse.GetValue(seeds)!;
            var set = parse.GetValue(questions)!;
            if (!folder.Exists || !set.Exists)
            {
                Console.Error.WriteLine("Seeds or question set not found: pass --seeds DIR --questions FILE.");
                return 2;
            }

            var plans = folder.EnumerateFiles("*.txt").OrderBy(f => f.Name, StringComparer.Ordinal)
                .Select((f, i) => new CoordinationBot.Core.Plans.StoredPlan($"seed-{i}", 1, f.Name, f.Name, DateTimeOffset.UnixEpoch, null, PlanExtractor.Default.Extract(File.ReadAllText(f.FullName))))
                .ToList();
            var vocabulary = plans.SelectMany(p => p.Plan.Tasks).Select(t => t.Text).ToList();
            var wanted = parse.GetValue(tasks);
            for (var p = 0; plans.Sum(x => x.Plan.Tasks.Count) < wanted + vocabulary.Count; p++)
            {
                var text = SyntheticPlan(300, vocabulary, p);
                plans.Add(new CoordinationBot.Core.Plans.StoredPlan($"synthetic-{p}", 1, $"s{p}", $"s{p}.txt", DateTimeOffset.UnixEpoch, null, PlanExtractor.Default.Extract(text)));
            }

            var handler = new CoordinationBot.Core.Questions.AskHandler(new CoordinationBot.Core.Questions.QuestionParser(CoordinationBot.Core.Agencies.AgencyRegistry.Default), CoordinationBot.Core.Agencies.AgencyRegistry.Default);
            var lines = File.ReadAllLines(set.FullName).Where(l => l.Length > 0 && !l.StartsWith('#')).Select(l => l.Split('\t')).ToList();

            // The floor: the same questions over the seed plans alone, in the same run.
            var seedCount = folder.EnumerateFiles("*.txt").Count();
            var floorTimes = Time(handler, new CoordinationBot.Core.Questions.PlanCatalog(plans.Take(seedCount).ToList()), lines);

            var before = GC.GetTotalMemory(forceFullCollection: true);
            var started = Stopwatch.GetTimestamp();
            var catalog = new CoordinationBot.Core.Questions.PlanCatalog(plans);
            var indexMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            var registryMb = (GC.GetTotalMemory(forceFullCollection: true) - before) / (1024.0 * 1024.0);
            var perQuestion = new Dictionary<string, List<double>>(StringComparer.Ordinal);
            var times = Time(handler, catalog, lines, perQuestion);
            GC.KeepAlive(catalog);
            foreach (var (question, list) in perQuestion.OrderByDescending(q => q.Value.Order().ElementAt(q.Value.Count / 2)).Take(3))
            {
                Console.WriteLine(FormattableString.Invariant($"slowest: {list.Order().ElementAt(list.Count / 2):F2} ms median — {question}"));
            }

            static double P(List<double> values, double q) => BenchTools.Percentile(values, q);
            Console.WriteLine(FormattableString.Invariant($"{plans.Count} plans, {catalog.Tasks.Count} tasks, {catalog.AgencyNames.Count} agency names, index built in {indexMs:F0} ms ({registryMb:F0} MB); {times.Count} answers timed; floor: the seeds alone, p95 {P(floorTimes, 0.95):F2} ms"));
            Console.WriteLine(FormattableString.Invariant($"BENCH ask tasks={catalog.Tasks.Count} p50_ms={P(times, 0.5):F2} p95_ms={P(times, 0.95):F2} p99_ms={P(times, 0.99):F2} max_ms={times[^1]:F2} floor_p95_ms={P(floorTimes, 0.95):F2} ratio={P(times, 0.95) / P(floorTimes, 0.95):F2} index_mb={registryMb:F0}"));
            return 0;
        });
        return ask;
    }

    /// <summary>Each question of the set answered 20 times (the first round not timed), in milliseconds, sorted.</summary>
    private static List<double> Time(CoordinationBot.Core.Questions.AskHandler handler, CoordinationBot.Core.Questions.PlanCatalog catalog, List<string[]> lines, Dictionary<string, List<double>>? perQuestion = null)
    {
        var times = new List<double>();
        for (var round = 0; round < 20; round++)
        {
            foreach (var fields in lines)
            {
                var who = fields[0] is "-" or "" ? null : fields[0];
                var start = Stopwatch.GetTimestamp();
                handler.Handle(catalog, new CoordinationBot.Core.Questions.AskRequest(fields[1], who));
                if (round > 0)
                {
                    var ms = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
                    times.Add(ms);
                    if (perQuestion is not null)
                    {
                        (perQuestion.TryGetValue(fields[1], out var list) ? list : perQuestion[fields[1]] = []).Add(ms);
                    }
                }
            }
        }

        times.Sort();
        return times;
    }

    /// <summary>A synthetic plan whose task texts are drawn from real task texts, so the vocabulary is realistic.</summary>
    private static string SyntheticPlan(int tasks, List<string> vocabulary, int seed)
    {
        var random = new Random(seed);
        string[] agencies = ["Sở Tư pháp", "Sở Y tế", "Sở Nội vụ", "Sở Tài chính", "Công an tỉnh", "Sở Xây dựng", "Sở Ngoại vụ", "Sở Công Thương"];
        string[] letters = ["a", "b", "c", "d", "đ", "e", "g", "h", "i", "k"];
        var text = new StringBuilder($"Số: {seed + 100}/KH-UBND\nKẾ HOẠCH\nKế hoạch tổng hợp số {seed}\nIII. TỔ CHỨC THỰC HIỆN\n");
        for (var i = 0; i < tasks; i++)
        {
            if (i % letters.Length == 0)
            {
                text.Append(CultureInfo.InvariantCulture, $"{(i / letters.Length) + 1}. {agencies[random.Next(agencies.Length)]}\n");
            }

            var words = vocabulary[random.Next(vocabulary.Count)].Split(' ');
            var start = random.Next(Math.Max(1, words.Length - 12));
            text.Append(CultureInfo.InvariantCulture, $"{letters[i % letters.Length]}) {string.Join(' ', words.Skip(start).Take(25))}\n");
        }

        return text.ToString();
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

        return BenchTools.Median(times);
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
