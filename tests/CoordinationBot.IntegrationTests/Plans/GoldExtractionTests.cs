using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using CoordinationBot.Testing;

namespace CoordinationBot.IntegrationTests.Plans;

/// <summary>
/// The bar of the plan registry: <c>coordbot plans extract --json</c> on every plan with gold answers, scored by
/// the project's own scorer (shared/tools/score_extraction.py): on the seeds assignment F1 ≥ 0.97 and every plan
/// fact right; on the plans of other issuers (shared/devplans) F1 ≥ 0.90 each and ≥ 0.92 on average.
/// </summary>
public sealed partial class GoldExtractionTests
{
    public static TheoryData<string> GoldFiles()
    {
        var data = new TheoryData<string>();
        foreach (var gold in Directory.EnumerateFiles(SharedData.Require("gold"), "*.tsv").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileNameWithoutExtension(gold));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(GoldFiles))]
    public async Task SeedExtraction_ScoresF1AtLeast097_AndEveryFact(string name)
    {
        var (f1, ok, total, score) = await ExtractAndScoreAsync(SharedData.Require("seeds", name + ".txt"), SharedData.Require("gold", name + ".tsv"));
        Assert.True(f1 >= 0.97, score);
        Assert.Equal(total, ok);
    }

    public static TheoryData<string> DevPlans() => [.. DevPlanNames()];

    private static IEnumerable<string> DevPlanNames() =>
        Directory.EnumerateFiles(SharedData.Require("devplans", "gold"), "*.tsv").Order(StringComparer.Ordinal).Select(gold => Path.GetFileNameWithoutExtension(gold));

    [Theory]
    [MemberData(nameof(DevPlans))]
    public async Task OtherIssuersPlan_ScoresF1AtLeast090(string name)
    {
        var (f1, _, _, score) = await ExtractAndScoreAsync(SharedData.Require("devplans", "docs", name + ".txt"), SharedData.Require("devplans", "gold", name + ".tsv"));
        Assert.True(f1 >= 0.90, score);
    }

    [Fact]
    public async Task OtherIssuersPlans_ScoreMacroF1AtLeast092()
    {
        var scores = new List<double>();
        foreach (var name in DevPlanNames())
        {
            var (f1, _, _, _) = await ExtractAndScoreAsync(SharedData.Require("devplans", "docs", name + ".txt"), SharedData.Require("devplans", "gold", name + ".tsv"));
            scores.Add(f1);
        }

        Assert.Equal(5, scores.Count);
        Assert.True(scores.Average() >= 0.92, string.Join(", ", scores));
    }

    private static async Task<(double F1, int Ok, int Total, string Score)> ExtractAndScoreAsync(string plan, string gold)
    {
        var (exit, json, error) = await CliRunner.RunAsync(null, "plans", "extract", plan, "--json");
        Assert.True(exit == 0, error);
        var extracted = Path.Combine(Path.GetTempPath(), $"coordbot-{Path.GetFileNameWithoutExtension(plan)}-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(extracted, json);
        var score = await ScoreAsync(gold, extracted);
        File.Delete(extracted);

        var m = ScoreLine().Match(score);
        Assert.True(m.Success, score);
        return (double.Parse(m.Groups["f1"].Value, CultureInfo.InvariantCulture), int.Parse(m.Groups["ok"].Value, CultureInfo.InvariantCulture), int.Parse(m.Groups["total"].Value, CultureInfo.InvariantCulture), score);
    }

    private static async Task<string> ScoreAsync(string gold, string extracted)
    {
        var info = new ProcessStartInfo("python3") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { SharedData.Require("tools", "score_extraction.py"), gold, extracted, "--verbose" })
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return output + error;
    }

    [GeneratedRegex(@"F1=(?<f1>[0-9.]+).*facts (?<ok>\d+)/(?<total>\d+)")]
    private static partial Regex ScoreLine();
}
