using CoordinationBot.Testing;

namespace CoordinationBot.IntegrationTests.Cli;

/// <summary>On a checkout whose tools are not installed yet, a command says in one line what to run, and exits non-zero.</summary>
public sealed class FreshCloneCommandTests
{
    [Theory]
    [InlineData("consolidate", "--agencies", "2", "--tasks", "2")]
    [InlineData("fanout", "--deliveries", "2")]
    public async Task ABenchWithoutItsTools_SaysWhatToRun_InOneLine(params string[] arguments)
    {
        var checkout = Directory.CreateTempSubdirectory("coordbot-fresh-");
        await File.WriteAllTextAsync(Path.Combine(checkout.FullName, "CoordinationBot.sln"), string.Empty);

        var (exit, _, error) = await CliRunner.RunInAsync(checkout.FullName, null, ["bench", .. arguments]);

        Assert.Equal(2, exit);
        Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("run 'npm ci'", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
        checkout.Delete(recursive: true);
    }
}
