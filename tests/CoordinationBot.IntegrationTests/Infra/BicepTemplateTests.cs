using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using CoordinationBot.Host.Features.Deliveries;
using CoordinationBot.BotFramework;
using CoordinationBot.BotFramework.Authentication;
using CoordinationBot.Graph.Directory;
using CoordinationBot.Host.Features.Consolidation;
using CoordinationBot.Storage.Tables;
using CoordinationBot.Testing;

namespace CoordinationBot.IntegrationTests.Infra;

/// <summary>
/// No Bicep compiler can be installed here: these checks keep the template honest — every parameter used, the
/// parameters file in step with it, and every setting the host needs in Azure set by it.
/// </summary>
public sealed partial class BicepTemplateTests
{
    private static readonly string Template = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "infra", "main.bicep"));

    public static TheoryData<string> RequiredSettings => new()
    {
        $"Bot__{nameof(BotFrameworkOptions.AppId)}",
        $"Bot__{nameof(BotFrameworkOptions.AppTenantId)}",
        $"Bot__{nameof(BotFrameworkOptions.UseManagedIdentity)}",
        $"Bot__{nameof(BotFrameworkOptions.AllowedTenants)}__",
        $"Storage__{nameof(TableStorageOptions.TableServiceUri)}",
        $"Storage__{nameof(TableStorageOptions.QueueServiceUri)}",
        $"Storage__{nameof(TableStorageOptions.BlobServiceUri)}",
        $"Storage__{nameof(TableStorageOptions.ManagedIdentityClientId)}",
        $"Storage__{nameof(TableStorageOptions.TablePrefix)}",
        $"Directory__{nameof(DirectoryOptions.UseManagedIdentity)}",
        $"Directory__{nameof(DirectoryOptions.ClientId)}",
        $"Directory__{nameof(DirectoryOptions.Attribute)}",
        $"Files__{nameof(FileLinkOptions.PublicBaseUrl)}",
        $"Files__{nameof(FileLinkOptions.SigningKey)}",
        $"Delivery__{nameof(DeliveryOptions.AppRequestsPerSecond)}",
        $"Tab__{nameof(TeamsSsoOptions.Domain)}",
        $"Tab__{nameof(TeamsSsoOptions.ClientId)}",
        "Plans__Importers__",
        "Plans__Administrators__",
    };

    [Theory]
    [MemberData(nameof(RequiredSettings))]
    public void EverySettingTheHostNeedsInAzure_IsSetByTheTemplate(string setting)
    {
        Assert.Contains($"name: '{setting}", Template, StringComparison.Ordinal);
    }

    [Fact]
    public void EveryParameter_IsUsed()
    {
        var parameters = Parameter().Matches(Template).Select(m => m.Groups[1].Value).ToList();

        Assert.NotEmpty(parameters);
        Assert.All(parameters, name => Assert.True(Regex.Count(Template, $@"\b{name}\b") >= 2, $"param {name} is never used"));
    }

    [Fact]
    public void TheParametersFile_MatchesTheTemplate()
    {
        var declared = Parameter().Matches(Template).ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value.Contains('=', StringComparison.Ordinal));
        var file = JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "infra", "main.parameters.json")))!["parameters"]!.AsObject();

        Assert.All(file.Select(p => p.Key), name => Assert.True(declared.ContainsKey(name), $"{name} is not a parameter of main.bicep"));
        Assert.All(declared.Where(d => !d.Value).Select(d => d.Key), name => Assert.True(file.ContainsKey(name), $"{name} has no default and no value in main.parameters.json"));
    }

    [Fact]
    public void Storage_AllowsNoSharedKeys_AndTheIdentityHasItsDataRoles()
    {
        Assert.Contains("allowSharedKeyAccess: false", Template, StringComparison.Ordinal);
        foreach (var role in new[] { "0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3", "974c5e8b-45b9-4653-ba55-5f855dd0fb88", "ba92f5b4-2d11-453d-a403-e96b0029c9fe" })
        {
            Assert.Contains(role, Template, StringComparison.Ordinal);
        }
    }

    [GeneratedRegex(@"^param\s+(\w+)\s+([^\r\n]*)$", RegexOptions.Multiline)]
    private static partial Regex Parameter();
}
