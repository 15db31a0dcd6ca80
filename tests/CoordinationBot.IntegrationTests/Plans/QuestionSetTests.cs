using System.Diagnostics;
using System.Text.RegularExpressions;
using CoordinationBot.Testing;

namespace CoordinationBot.IntegrationTests.Plans;

/// <summary>
/// The bar of the questions feature: <c>coordbot ask --plans DIR --batch SET</c>, scored by the project's own scorer
/// (shared/tools/score_questions.py): every seed question passes, and at least 90 % of those about the five plans of
/// other issuers (a province, the Prime Minister, the Government, a city, another province), all loaded at once.
/// </summary>
public sealed partial class QuestionSetTests
{
    [Theory]
    [InlineData("seeds", "questions.tsv", 1.0)]
    [InlineData("devplans/docs", "questions-devplans.tsv", 0.9)]
    public async Task TheSharedQuestionSets_PassTheirBar(string plans, string questions, double bar)
    {
        var (exit, jsonl, error) = await CliRunner.RunAsync(null, "ask", "--plans", SharedData.Require([.. plans.Split('/')]), "--batch", SharedData.Require(questions));
        Assert.True(exit == 0, error);
        var answers = Path.Combine(Path.GetTempPath(), $"coordbot-answers-{Guid.NewGuid():N}.jsonl");
        await File.WriteAllTextAsync(answers, jsonl);

        var info = new ProcessStartInfo("python3") { RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in new[] { SharedData.Require("tools", "score_questions.py"), SharedData.Require(questions), answers, "--verbose" })
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info)!;
        var score = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        File.Delete(answers);

        var m = Score().Match(score);
        Assert.True(m.Success, score);
        Assert.True(int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) >= bar * int.Parse(m.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture), score);
    }

    [GeneratedRegex(@"questions (\d+)/(\d+)")]
    private static partial Regex Score();
}
