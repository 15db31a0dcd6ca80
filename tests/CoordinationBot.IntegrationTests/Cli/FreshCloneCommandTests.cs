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

    [Theory]
    [InlineData("plans", "list")]
    [InlineData("conversations", "list", "--tenant", "t")]
    [InlineData("directory", "get", "00000000-0000-0000-0000-000000000001")]
    public async Task AStorageCommand_WithoutStorageRunning_SaysWhatToStart_InOneLine(params string[] arguments)
    {
        var closed = FreePort.Next();
        var environment = new Dictionary<string, string>
        {
            ["Storage__ConnectionString"] = $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;TableEndpoint=http://127.0.0.1:{closed}/devstoreaccount1;QueueEndpoint=http://127.0.0.1:{closed}/devstoreaccount1;BlobEndpoint=http://127.0.0.1:{closed}/devstoreaccount1;",
        };

        var (exit, _, error) = await CliRunner.RunAsync(environment, arguments);

        Assert.Equal(2, exit);
        Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("storage unreachable (", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }
}
