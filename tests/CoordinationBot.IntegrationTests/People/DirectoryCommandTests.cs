using CoordinationBot.IntegrationTests.Fixtures;
using CoordinationBot.Testing;

namespace CoordinationBot.IntegrationTests.People;

/// <summary>An administrator sets a user's agency with the CLI; the bot reads the same store.</summary>
[Collection(AzuriteGroup.Name)]
public sealed class DirectoryCommandTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task AdministratorSetsAnAgency_ByAbbreviation_StoredUnderItsCurrentName()
    {
        var environment = new Dictionary<string, string>
        {
            ["COORDBOT_Storage__ConnectionString"] = azurite.ConnectionString,
            ["COORDBOT_Storage__TablePrefix"] = AzuriteFixture.UniquePrefix(),
        };

        var set = await CliRunner.RunAsync(environment, "directory", "set", "user-1", "Sở TT&TT");
        var get = await CliRunner.RunAsync(environment, "directory", "get", "user-1");
        var group = await CliRunner.RunAsync(environment, "directory", "set", "user-2", "Các sở, ban, ngành");

        Assert.True(set.ExitCode == 0, set.Error);
        Assert.Equal("Sở Khoa học và Công nghệ", get.Output.Trim());
        Assert.Equal(2, group.ExitCode);
    }
}
