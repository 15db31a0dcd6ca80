using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using CoordinationBot.IntegrationTests.Fixtures;
using CoordinationBot.Testing;

namespace CoordinationBot.IntegrationTests.Bot;

/// <summary>
/// The messaging endpoint with an app id configured: only Bot Connector tokens for this app, from the activity's
/// service URL, of an allowed tenant, get through — from any address, loopback included.
/// </summary>
[Collection(AzuriteGroup.Name)]
public sealed class AuthenticatedEndpointTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const string AppId = "11111111-2222-3333-4444-555555555555";
    private readonly TestTokens tokens = new();
    private BotTestContext context = null!;

    private LoopbackConnector Connector => context.Connector;

    private BotHostFactory BotHost => context.Host;

    private HttpClient Client => context.Client;

    public async Task InitializeAsync() => context = await BotTestContext.StartAsync(azurite, new BotHostSettings(
        AppId,
        [TeamsActivities.TenantId],
        tokens.SigningKeys,
        OutboundToken: "outbound-token",
        Configuration: new Dictionary<string, string?> { ["Bot:TrustedServiceHosts:0"] = "127.0.0.1" }));

    public async Task DisposeAsync()
    {
        await context.DisposeAsync();
        tokens.Dispose();
    }

    [Fact]
    public async Task ValidToken_IsAccepted_AndTheReplyCarriesTheOutboundToken()
    {
        var response = await PostAsync(tokens.Create(AppId, Connector.ServiceUrl.ToString()));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reply = Assert.Single(await Connector.WaitForAsync(1, TimeSpan.FromSeconds(10)));
        Assert.Equal("Bearer outbound-token", reply.Authorization);
    }

    [Fact]
    public async Task TokenWithinClockSkew_IsAccepted()
    {
        var response = await PostAsync(tokens.Create(AppId, Connector.ServiceUrl.ToString(), expires: DateTime.UtcNow.AddMinutes(-3)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    public static TheoryData<string> Refusals => new() { "missing", "forged", "wrong-audience", "expired", "wrong-issuer", "other-service-url", "garbage" };

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task BadToken_Gets401_AndNothingIsProcessed(string kind)
    {
        var serviceUrl = Connector.ServiceUrl.ToString();
        var token = kind switch
        {
            "missing" => null,
            "forged" => tokens.Create(AppId, serviceUrl, forged: true),
            "wrong-audience" => tokens.Create("99999999-0000-0000-0000-000000000000", serviceUrl),
            "expired" => tokens.Create(AppId, serviceUrl, expires: DateTime.UtcNow.AddMinutes(-10)),
            "wrong-issuer" => tokens.Create(AppId, serviceUrl, issuer: "https://evil.example"),
            "other-service-url" => tokens.Create(AppId, "https://smba.trafficmanager.net/emea/"),
            _ => "not.a.jwt",
        };

        var response = await PostAsync(token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        await Task.Delay(200);
        Assert.Empty(Connector.Requests);
    }

    [Fact]
    public async Task LoopbackCaller_WithoutToken_IsRefused_WhenAnAppIdIsConfigured()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages")
        {
            Content = JsonContent.Create(TeamsActivities.Message(Connector.ServiceUrl, "trợ giúp")),
        };
        request.Headers.Add(BotHostFactory.RemoteAddressHeader, "127.0.0.1");

        Assert.Equal(HttpStatusCode.Unauthorized, (await Client.SendAsync(request)).StatusCode);
    }

    [Fact]
    public async Task ValidToken_FromATenantNotAllowed_Gets403()
    {
        var message = TeamsActivities.Message(Connector.ServiceUrl, "trợ giúp", tenantId: "00000000-dead-beef-0000-000000000000");

        var response = await PostAsync(tokens.Create(AppId, Connector.ServiceUrl.ToString()), message);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        await Task.Delay(200);
        Assert.Empty(Connector.Requests);
    }

    [Fact]
    public async Task MalformedBody_WithoutToken_Gets401_NotAParseError()
    {
        using var content = new StringContent("{ nope", System.Text.Encoding.UTF8, "application/json");

        Assert.Equal(HttpStatusCode.Unauthorized, (await Client.PostAsync("/api/messages", content)).StatusCode);
    }

    private async Task<HttpResponseMessage> PostAsync(string? token, System.Text.Json.Nodes.JsonObject? activity = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages")
        {
            Content = JsonContent.Create(activity ?? TeamsActivities.Message(Connector.ServiceUrl, "trợ giúp")),
        };
        request.Headers.Add(BotHostFactory.RemoteAddressHeader, "52.112.0.10");
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return await Client.SendAsync(request);
    }
}
