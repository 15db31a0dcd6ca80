using System.Text.Json.Nodes;
using CoordinationBot.Graph;
using CoordinationBot.Graph.Directory;
using CoordinationBot.Graph.Installation;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Kiota.Abstractions.Authentication;

namespace CoordinationBot.IntegrationTests.People;

/// <summary>
/// <see cref="GraphAppInstaller"/> with Graph's real client against a loopback server that answers as Graph does: the
/// agency's users by their directory attribute, then one Teams app installation per user (201, 409 when installed).
/// </summary>
public sealed class GraphAppInstallerTests : IAsyncLifetime
{
    private LoopbackGraph graph = null!;

    public async Task InitializeAsync() => graph = await LoopbackGraph.StartAsync(403, """{"error":{"code":"Forbidden","message":"no permission"}}""");

    public async Task DisposeAsync() => await graph.DisposeAsync();

    [Fact]
    public async Task TheAgencysOfficers_AreFoundByDepartment_AndTheAppIsInstalledForEach_AlreadyInstalledCounting()
    {
        graph.Answers.Enqueue((200, """{"@odata.count":2,"value":[{"id":"u1"},{"id":"u2"}]}"""));
        graph.Answers.Enqueue((201, """{"id":"inst-1"}"""));
        graph.Answers.Enqueue((409, """{"error":{"code":"Conflict","message":"App is already installed."}}"""));

        var result = await Create().InstallForAgencyAsync("Sở Lao động - Thương binh và Xã hội", default);

        Assert.Equal(2, result.Officers);
        Assert.Equal(2, result.Installed);
        Assert.Equal(0, result.Failed);
        var calls = graph.Requested.ToList();
        Assert.Equal("GET", calls[0].Method);
        Assert.StartsWith("/v1.0/users?", calls[0].Target, StringComparison.Ordinal);
        Assert.Contains("department eq 'Sở Lao động - Thương binh và Xã hội'", calls[0].Target, StringComparison.Ordinal);
        Assert.Equal("eventual", calls[0].ConsistencyLevel);
        Assert.Equal(("POST", "/v1.0/users/u1/teamwork/installedApps"), (calls[1].Method, calls[1].Target));
        Assert.Equal(("POST", "/v1.0/users/u2/teamwork/installedApps"), (calls[2].Method, calls[2].Target));
        var body = JsonNode.Parse(calls[1].Body)!;
        Assert.Equal("https://graph.microsoft.com/v1.0/appCatalogs/teamsApps/catalog-app-1", body["teamsApp@odata.bind"]!.GetValue<string>());
    }

    [Fact]
    public async Task AnAgencyNameWithAQuote_IsAnODataLiteral_AndARefusedInstallIsCountedAsFailed()
    {
        graph.Answers.Enqueue((200, """{"value":[{"id":"u9"}]}"""));
        graph.Answers.Enqueue((403, """{"error":{"code":"Forbidden","message":"Missing TeamsAppInstallation.ReadWriteForUser.All"}}"""));

        var result = await Create().InstallForAgencyAsync("Ban Quản lý 'A'", default);

        Assert.Equal((1, 0, 1), (result.Officers, result.Installed, result.Failed));
        Assert.Contains("department eq 'Ban Quản lý ''A'''", graph.Requested.First().Target, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NoCatalogId_InstallsNothing_AndAsksNothingOfGraph()
    {
        var installer = new GraphAppInstaller(GraphExtensions.CreateClient(new AnonymousAuthenticationProvider(), graph.BaseUrl), new DirectoryOptions(), new AppInstallOptions(), NullLogger<GraphAppInstaller>.Instance);

        var result = await installer.InstallForAgencyAsync("Sở Y tế", default);

        Assert.False(installer.IsConfigured);
        Assert.Equal((0, 0, 0), (result.Officers, result.Installed, result.Failed));
        Assert.Empty(graph.Requested);
    }

    private GraphAppInstaller Create() =>
        new(GraphExtensions.CreateClient(new AnonymousAuthenticationProvider(), graph.BaseUrl), new DirectoryOptions(), new AppInstallOptions { CatalogAppId = "catalog-app-1" }, NullLogger<GraphAppInstaller>.Instance);
}
