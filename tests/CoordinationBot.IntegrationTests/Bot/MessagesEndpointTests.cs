using System.Net;
using System.Net.Http.Json;
using System.Text;
using CoordinationBot.Core.Conversations;
using CoordinationBot.IntegrationTests.Fixtures;
using CoordinationBot.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CoordinationBot.IntegrationTests.Bot;

/// <summary>The messaging endpoint in local development mode (no app id): real BotHost, real Azurite, real HTTP Connector.</summary>
[Collection(AzuriteGroup.Name)]
public sealed class MessagesEndpointTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private BotTestContext context = null!;

    private LoopbackConnector Connector => context.Connector;

    private BotHostFactory BotHost => context.Host;

    private HttpClient Client => context.Client;

    public async Task InitializeAsync() => context = await BotTestContext.StartAsync(azurite, new BotHostSettings());

    public async Task DisposeAsync()
    {
        await context.DisposeAsync();
    }

    [Theory]
    [InlineData("trợ giúp")]
    [InlineData("tro giup")]
    [InlineData("<at>CoordinationBot</at> TRỢ GIÚP")]
    [InlineData("help")]
    public async Task HelpMessage_RepliesWithTheHelpCard_ThreadedUnderTheMessage(string text)
    {
        var response = await Client.PostAsJsonAsync("/api/messages", TeamsActivities.Message(Connector.ServiceUrl, text));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reply = Assert.Single(await Connector.WaitForAsync(1, TimeSpan.FromSeconds(10)));
        Assert.Equal("POST", reply.Method);
        Assert.Equal("/v3/conversations/a%3A1personal/activities/1700000000001", reply.Path);
        Assert.Equal(string.Empty, reply.Authorization);
        var activity = reply.Activity!;
        Assert.Equal("message", activity.Type);
        Assert.Equal("1700000000001", activity.ReplyToId);
        Assert.Equal(TeamsActivities.BotId, activity.From!.Id);
        Assert.Equal("29:user-1", activity.Recipient!.Id);
        var attachment = Assert.Single(activity.Attachments!);
        Assert.Equal("application/vnd.microsoft.card.adaptive", attachment.ContentType);
        Assert.Equal("1.5", attachment.Content!["version"]!.GetValue<string>());
        Assert.Contains("trợ giúp", attachment.Content.ToJsonString(new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }), StringComparison.Ordinal);
        Assert.Null(attachment.Content["body"]!.AsArray().FirstOrDefault(b => b!["text"]?.GetValue<string>().StartsWith("Tôi chưa hiểu", StringComparison.Ordinal) == true));
    }

    [Fact]
    public async Task Question_BeforeAnyPlanIsImported_SaysThereAreNoPlansYet()
    {
        await Client.PostAsJsonAsync("/api/messages", TeamsActivities.Message(Connector.ServiceUrl, "ai chủ trì tập huấn?"));

        var reply = Assert.Single(await Connector.WaitForAsync(1, TimeSpan.FromSeconds(10)));
        Assert.StartsWith("Chưa có kế hoạch nào trong hệ thống", reply.Activity!.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EmptyMention_GetsTheHelpCard()
    {
        await Client.PostAsJsonAsync("/api/messages", TeamsActivities.Message(Connector.ServiceUrl, "<at>CoordinationBot</at>"));

        var reply = Assert.Single(await Connector.WaitForAsync(1, TimeSpan.FromSeconds(10)));
        Assert.Equal("Tôi chưa hiểu yêu cầu này. Bạn có thể dùng các lệnh dưới đây.", reply.Activity!.Attachments![0].Content!["body"]![0]!["text"]!.GetValue<string>());
    }

    [Fact]
    public async Task EnglishClient_StillGetsVietnamese_ByDefault()
    {
        var message = TeamsActivities.Message(Connector.ServiceUrl, "help");
        message["locale"] = "en-US";
        await Client.PostAsJsonAsync("/api/messages", message);

        var reply = Assert.Single(await Connector.WaitForAsync(1, TimeSpan.FromSeconds(10)));
        Assert.Equal("CoordinationBot — trợ lý phối hợp thực hiện kế hoạch", reply.Activity!.Attachments![0].Content!["body"]![0]!["text"]!.GetValue<string>());
    }

    [Fact]
    public async Task EnglishClient_GetsEnglish_WhenTheDeploymentFollowsTheClientLocale()
    {
        await using var english = new BotHostFactory(azurite.ConnectionString, new BotHostSettings(FollowClientLocale: true));
        using var englishClient = english.CreateClient();
        var message = TeamsActivities.Message(Connector.ServiceUrl, "help");
        message["locale"] = "en-US";
        await englishClient.PostAsJsonAsync("/api/messages", message);

        var reply = Assert.Single(await Connector.WaitForAsync(1, TimeSpan.FromSeconds(10)));
        Assert.Equal("CoordinationBot — plan coordination assistant", reply.Activity!.Attachments![0].Content!["body"]![0]!["text"]!.GetValue<string>());
    }

    [Fact]
    public async Task BotAdded_StoresTheConversationReference_AndGreets_ThenUninstallRemovesIt()
    {
        var store = BotHost.Services.GetRequiredService<IConversationReferenceStore>();

        var added = await Client.PostAsJsonAsync("/api/messages", TeamsActivities.BotAdded(Connector.ServiceUrl));
        var greeting = Assert.Single(await Connector.WaitForAsync(1, TimeSpan.FromSeconds(10)));
        var stored = await store.GetAsync(TeamsActivities.TenantId, "a:1personal", default);

        Assert.Equal(HttpStatusCode.OK, added.StatusCode);
        Assert.Equal("/v3/conversations/a%3A1personal/activities", greeting.Path);
        Assert.StartsWith("Xin chào", greeting.Activity!.Attachments![0].Content!["body"]![0]!["text"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.NotNull(stored);
        Assert.Equal(Connector.ServiceUrl.ToString(), stored.ServiceUrl);
        Assert.Equal("personal", stored.ConversationType);
        Assert.Equal(TeamsActivities.BotId, stored.BotId);
        Assert.Equal("00000000-0000-0000-0000-0000000000a1", stored.AadObjectId);

        var removed = await Client.PostAsJsonAsync("/api/messages", TeamsActivities.Uninstalled(Connector.ServiceUrl));

        Assert.Equal(HttpStatusCode.OK, removed.StatusCode);
        Assert.Null(await store.GetAsync(TeamsActivities.TenantId, "a:1personal", default));
    }

    [Fact]
    public Task AnonymousCallFromANonLoopbackAddress_IsRefused_AndNothingIsSent() =>
        AssertAnonymousRefusedAsync(Client, "203.0.113.7");

    [Theory]
    [InlineData("Production")]
    [InlineData("Staging")]
    public void WithoutAnAppId_TheBotRefusesToStart_OutsideDevelopment(string environment)
    {
        using var host = new BotHostFactory(azurite.ConnectionString, new BotHostSettings(Environment: environment));

        Assert.ThrowsAny<Exception>(() => host.CreateClient());
    }

    [Theory]
    [InlineData("127.0.0.1", "X-Forwarded-For", "127.0.0.1")]
    [InlineData("10.1.2.3", "X-Forwarded-For", "127.0.0.1")]
    [InlineData("127.0.0.1", "X-Original-For", "10.1.2.3:51000")]
    [InlineData("127.0.0.1", "Forwarded", "for=127.0.0.1")]
    public async Task AnonymousCallThroughAProxy_IsRefused_EvenWhenItClaimsLoopback(string socket, string header, string value)
    {
        await using var forwarding = new BotHostFactory(azurite.ConnectionString, new BotHostSettings(Configuration: new Dictionary<string, string?> { ["FORWARDEDHEADERS_ENABLED"] = "true" }));
        using var client = forwarding.CreateClient();
        await AssertAnonymousRefusedAsync(client, socket, (header, value));
    }

    /// <summary>An anonymous help request from <paramref name="socket"/> gets 401 and makes the bot post nothing.</summary>
    private async Task AssertAnonymousRefusedAsync(HttpClient client, string socket, (string Name, string Value)? header = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = JsonContent.Create(TeamsActivities.Message(Connector.ServiceUrl, "trợ giúp")) };
        request.Headers.Add(BotHostFactory.RemoteAddressHeader, socket);
        if (header is { } extra)
        {
            request.Headers.Add(extra.Name, extra.Value);
        }

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        await Task.Delay(300);
        Assert.Empty(Connector.Requests);
    }

    [Theory]
    [InlineData("http://169.254.169.254/")]
    [InlineData("https://attacker.example/")]
    public async Task AnActivityWhoseServiceUrlIsNotTeamsNorLoopback_IsRefused_AndNothingIsPostedThere(string serviceUrl)
    {
        var message = TeamsActivities.Message(Connector.ServiceUrl, "trợ giúp");
        message["serviceUrl"] = serviceUrl;

        var response = await Client.PostAsJsonAsync("/api/messages", message);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        await Task.Delay(300);
        Assert.Empty(Connector.Requests);
    }

    [Fact]
    public async Task TextWithHalfAnEmoji_IsStillReadAndAnswered()
    {
        var json = TeamsActivities.Message(Connector.ServiceUrl, "trợ giúp LONE").ToJsonString().Replace("LONE", "\\ud83d", StringComparison.Ordinal);

        var response = await Client.PostAsync("/api/messages", new StringContent(json, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single(await Connector.WaitForAsync(1, TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public async Task TwoTenantIdsThatDiffer_AreRefused()
    {
        var message = TeamsActivities.Message(Connector.ServiceUrl, "trợ giúp");
        message["channelData"]!["tenant"]!["id"] = "99999999-0000-0000-0000-000000000000";

        Assert.Equal(HttpStatusCode.Forbidden, (await Client.PostAsJsonAsync("/api/messages", message)).StatusCode);
    }

    [Theory]
    [InlineData("{ not json")]
    [InlineData("[]")]
    [InlineData("{\"type\":\"message\"}")]
    [InlineData("{\"type\":\"message\",\"conversation\":{\"id\":\"x\"},\"serviceUrl\":\"file:///etc/passwd\"}")]
    [InlineData("{\"type\":7,\"conversation\":{\"id\":\"x\"}}")]
    [InlineData("")]
    public async Task MalformedActivity_Gets400(string body)
    {
        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        var response = await Client.PostAsync("/api/messages", content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(Connector.Requests);
    }

    [Fact]
    public async Task OversizedBody_Gets413()
    {
        var message = TeamsActivities.Message(Connector.ServiceUrl, new string('a', 300 * 1024));
        var response = await Client.PostAsJsonAsync("/api/messages", message);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Empty(Connector.Requests);
    }

    [Fact]
    public async Task OversizedChunkedBody_WithoutContentLength_Gets413()
    {
        var bytes = Encoding.UTF8.GetBytes(TeamsActivities.Message(Connector.ServiceUrl, new string('a', 300 * 1024)).ToJsonString());
        using var content = new StreamContent(new MemoryStream(bytes));
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = content };
        request.Headers.TransferEncodingChunked = true;

        var response = await Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task ConnectorFailsTransiently_TheReplyIsRetried_AndArrives()
    {
        Connector.FailNext(503);
        Connector.FailNext(429, retryAfterSeconds: 0);

        var response = await Client.PostAsJsonAsync("/api/messages", TeamsActivities.Message(Connector.ServiceUrl, "trợ giúp"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var requests = await Connector.WaitForAsync(3, TimeSpan.FromSeconds(10));
        Assert.Equal(3, requests.Count);
        Assert.All(requests, r => Assert.Equal("/v3/conversations/a%3A1personal/activities/1700000000001", r.Path));
    }

    [Fact]
    public async Task UnhandledActivityType_IsAcknowledged()
    {
        var typing = TeamsActivities.Message(Connector.ServiceUrl, "x");
        typing["type"] = "typing";

        var response = await Client.PostAsJsonAsync("/api/messages", typing);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(Connector.Requests);
    }

    [Fact]
    public async Task Healthz_IsHealthy_WithAzurite()
    {
        var response = await Client.GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Healthz_IsUnhealthy_WhenStorageIsUnreachable()
    {
        var deadPort = FreePort.Next();
        await using var broken = new BotHostFactory(
            $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;TableEndpoint=http://127.0.0.1:{deadPort}/devstoreaccount1;",
            new BotHostSettings());
        using var brokenClient = broken.CreateClient();

        var response = await brokenClient.GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
    }
}
