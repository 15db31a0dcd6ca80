using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using CoordinationBot.Testing;

namespace CoordinationBot.IntegrationTests.Plans;

/// <summary>
/// The bar of the plan registry: <c>coordbot plans extract --json</c> on every plan with gold answers, scored by
/// the project's own scorer (shared/tools/score_extraction.py): assignment F1 ≥ 0.95 and every plan fact right.
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
    public async Task Extraction_ScoresF1AtLeast095_AndEveryFact(string name)
    {
        var seed = SharedData.Require("seeds", name + ".txt");
        var (exit, json, error) = await CliRunner.RunAsync(null, "plans", "extract", seed, "--json");
        Assert.True(exit == 0, error);
        var extracted = Path.Combine(Path.GetTempPath(), $"coordbot-{name}-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(extracted, json);

        var score = await ScoreAsync(SharedData.Require("gold", name + ".tsv"), extracted);
        File.Delete(extracted);

        var m = ScoreLine().Match(score);
        Assert.True(m.Success, score);
        var f1 = double.Parse(m.Groups["f1"].Value, CultureInfo.InvariantCulture);
        Assert.True(f1 >= 0.95, score);
        Assert.Equal(m.Groups["total"].Value, m.Groups["ok"].Value);
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
