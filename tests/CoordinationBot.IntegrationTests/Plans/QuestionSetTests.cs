using System.Diagnostics;
using System.Text.RegularExpressions;
using CoordinationBot.Testing;

namespace CoordinationBot.IntegrationTests.Plans;

/// <summary>
/// The bar of the questions feature: <c>coordbot ask --plans seeds --batch questions.tsv</c>, scored by the project's
/// own scorer (shared/tools/score_questions.py): every question passes.
/// </summary>
public sealed partial class QuestionSetTests
{
    [Fact]
    public async Task EveryQuestionOfTheSharedSet_Passes()
    {
        var (exit, jsonl, error) = await CliRunner.RunAsync(null, "ask", "--plans", SharedData.Require("seeds"), "--batch", SharedData.Require("questions.tsv"));
        Assert.True(exit == 0, error);
        var answers = Path.Combine(Path.GetTempPath(), $"coordbot-answers-{Guid.NewGuid():N}.jsonl");
        await File.WriteAllTextAsync(answers, jsonl);

        var info = new ProcessStartInfo("python3") { RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in new[] { SharedData.Require("tools", "score_questions.py"), SharedData.Require("questions.tsv"), answers, "--verbose" })
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info)!;
        var score = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        File.Delete(answers);

        var m = Score().Match(score);
        Assert.True(m.Success, score);
        Assert.True(m.Groups[1].Value == m.Groups[2].Value, score);
    }

    [GeneratedRegex(@"questions (\d+)/(\d+)")]
    private static partial Regex Score();
}
