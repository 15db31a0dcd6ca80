using System.Net;
using System.Text;
using CoordinationBot.BotFramework.Connector;
using CoordinationBot.BotFramework.Schema;
using Microsoft.Extensions.Time.Testing;
using Moq;
using Moq.Protected;

namespace CoordinationBot.BotFramework.Tests.Connector;

public sealed class ConnectorClientTests
{
    private static readonly Activity Incoming = new()
    {
        Type = ActivityTypes.Message,
        Id = "act/1",
        ServiceUrl = "https://smba.example/apac",
        Conversation = new ConversationAccount { Id = "a:1;messageid=2" },
        From = new ChannelAccount { Id = "29:user" },
        Recipient = new ChannelAccount { Id = "28:bot" },
    };

    private readonly Mock<HttpMessageHandler> handler = new(MockBehavior.Strict);
    private readonly List<HttpRequestMessage> sent = [];
    private readonly List<string> bodies = [];

    [Fact]
    public async Task Reply_PostsToTheReplyUrl_WithEscapedIds_AndTheBearerToken()
    {
        Respond(HttpStatusCode.OK, """{"id":"r-1"}""");

        var result = await Client(token: "tok").ReplyToActivityAsync(Incoming.CreateReply("xin chào"), default);

        Assert.Equal("r-1", result.Id);
        var request = Assert.Single(sent);
        Assert.Equal(HttpMethod.Post, request.Method);
        Assert.Equal("https://smba.example/apac/v3/conversations/a%3A1%3Bmessageid%3D2/activities/act%2F1", request.RequestUri!.AbsoluteUri);
        Assert.Equal("Bearer tok", request.Headers.Authorization!.ToString());
        Assert.Contains("\"replyToId\":\"act/1\"", bodies[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Send_Update_Create_And_Members_UseTheirRestRoutes()
    {
        Respond(HttpStatusCode.OK, """{"id":"x"}""");
        Respond(HttpStatusCode.OK, """{"id":"x"}""");
        Respond(HttpStatusCode.Created, """{"id":"a:new","activityId":"9"}""");
        Respond(HttpStatusCode.OK, """{"members":[{"id":"29:u","aadObjectId":"o-1"}],"continuationToken":"next"}""");
        var client = Client();
        var serviceUrl = new Uri("https://smba.example/apac/");

        await client.SendToConversationAsync(Incoming.CreateReply("a") with { ReplyToId = null }, default);
        await client.UpdateActivityAsync(Incoming.CreateReply("b") with { Id = "m-5" }, default);
        var created = await client.CreateConversationAsync(serviceUrl, new ConversationParameters
        {
            Bot = new ChannelAccount { Id = "28:bot" },
            Members = [new ChannelAccount { Id = "29:u" }],
            TenantId = "t-1",
            ChannelData = new System.Text.Json.Nodes.JsonObject { ["tenant"] = new System.Text.Json.Nodes.JsonObject { ["id"] = "t-1" } },
        }, default);
        var members = await client.GetPagedMembersAsync(serviceUrl, "19:abc@thread.tacv2", 50, "tok en", default);

        Assert.Equal(
            [
                "POST https://smba.example/apac/v3/conversations/a%3A1%3Bmessageid%3D2/activities",
                "PUT https://smba.example/apac/v3/conversations/a%3A1%3Bmessageid%3D2/activities/m-5",
                "POST https://smba.example/apac/v3/conversations",
                "GET https://smba.example/apac/v3/conversations/19%3Aabc%40thread.tacv2/pagedmembers?pageSize=50&continuationToken=tok%20en",
            ],
            sent.Select(r => $"{r.Method} {r.RequestUri!.AbsoluteUri}"));
        Assert.Null(sent[0].Headers.Authorization);
        Assert.Contains("\"isGroup\":false", bodies[2], StringComparison.Ordinal);
        Assert.Contains("\"tenant\":{\"id\":\"t-1\"}", bodies[2], StringComparison.Ordinal);
        Assert.Equal("a:new", created.Id);
        Assert.Equal("o-1", Assert.Single(members.Members!).AadObjectId);
        Assert.Equal("next", members.ContinuationToken);
    }

    [Theory]
    [InlineData(HttpStatusCode.TooManyRequests)]
    [InlineData(HttpStatusCode.PreconditionFailed)]
    [InlineData(HttpStatusCode.InternalServerError)]
    [InlineData(HttpStatusCode.BadGateway)]
    [InlineData(HttpStatusCode.ServiceUnavailable)]
    [InlineData(HttpStatusCode.GatewayTimeout)]
    public async Task TransientFailure_IsRetried_UntilItSucceeds(HttpStatusCode status)
    {
        Respond(status, "");
        Respond(status, "");
        Respond(HttpStatusCode.OK, """{"id":"ok"}""");

        var result = await Client().ReplyToActivityAsync(Incoming.CreateReply("x"), default);

        Assert.Equal("ok", result.Id);
        Assert.Equal(3, sent.Count);
    }

    [Theory]
    [InlineData(HttpStatusCode.TooManyRequests, 1)]
    [InlineData(HttpStatusCode.InternalServerError, 0)]
    public async Task APostInASlot_FreesItOnlyWhileThrottled_AndKeepsItForTheCallerOnceSent(HttpStatusCode first, int freeDuringTheWait)
    {
        using var places = new SemaphoreSlim(1, 1);
        var time = new FakeTimeProvider();
        var turns = new List<int>();
        responses.Enqueue(() => new HttpResponseMessage(first) { Headers = { RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.FromSeconds(1)) } });
        Respond(HttpStatusCode.OK, """{"id":"ok"}""");
        var slot = new PostSlot(places);

        var sending = Client(time: time, limiter: new Watching(() => turns.Add(places.CurrentCount))).SendToConversationAsync(Incoming.CreateReply("x"), slot, default);
        // The client now waits out the Retry-After on the fake clock.
        for (var i = 0; i < 500 && (sent.Count == 0 || places.CurrentCount != freeDuringTheWait); i++)
        {
            await Task.Delay(10);
        }

        Assert.Equal(freeDuringTheWait, places.CurrentCount);
        time.Advance(TimeSpan.FromSeconds(1));
        var result = await sending;

        Assert.Equal("ok", result.Id);
        Assert.Equal(2, sent.Count);
        // Each turn is taken inside the place, so it is spent at once; on return the place is the caller's.
        Assert.Equal([0, 0], turns);
        Assert.Equal(0, places.CurrentCount);
        slot.Free();
        slot.Free();
        Assert.Equal(1, places.CurrentCount);
    }

    [Fact]
    public async Task AConnectionThatCouldNotBeMade_IsRetried()
    {
        handler.Protected().SetupSequence<Task<HttpResponseMessage>>("SendAsync", ItExpr.IsAny<HttpRequestMessage>(), ItExpr.IsAny<CancellationToken>())
            .ThrowsAsync(new HttpRequestException(HttpRequestError.ConnectionError, "connection refused"))
            .ReturnsAsync(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("""{"id":"ok"}""") });

        Assert.Equal("ok", (await Client().ReplyToActivityAsync(Incoming.CreateReply("x"), default)).Id);
    }

    [Fact]
    public async Task APostThatBrokeOffAfterItWasSent_IsNotPostedAgain_AndSaysItMayHaveBeenDelivered()
    {
        responses.Enqueue(() => throw new HttpRequestException(HttpRequestError.ResponseEnded, "response ended"));
        responses.Enqueue(() => new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("""{"id":"twice"}""") });

        var failure = await Assert.ThrowsAsync<ConnectorException>(() => Client().SendToConversationAsync(Incoming.CreateReply("x"), default));

        Assert.True(failure.MayHaveBeenDelivered);
        Assert.Single(sent);
    }

    [Fact]
    public async Task APostThatTimedOut_IsNotPostedAgain_ButAnUpdateThatTimedOutIs()
    {
        handler.Protected().Setup<Task<HttpResponseMessage>>("SendAsync", ItExpr.IsAny<HttpRequestMessage>(), ItExpr.IsAny<CancellationToken>())
            .Returns<HttpRequestMessage, CancellationToken>(async (request, ct) =>
            {
                sent.Add(request);
                if (sent.Count(r => r.Method == request.Method) == 1)
                {
                    await Task.Delay(Timeout.Infinite, ct);
                }

                return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("""{"id":"ok"}""") };
            });
        var client = Client(attemptTimeout: TimeSpan.FromMilliseconds(100));

        var failure = await Assert.ThrowsAsync<ConnectorException>(() => client.SendToConversationAsync(Incoming.CreateReply("x"), default));
        var updated = await client.UpdateActivityAsync(Incoming.CreateReply("x") with { Id = "m-1" }, default);

        Assert.True(failure.MayHaveBeenDelivered);
        Assert.Single(sent, r => r.Method == HttpMethod.Post);
        Assert.Equal(2, sent.Count(r => r.Method == HttpMethod.Put));
        Assert.Equal("ok", updated.Id);
    }

    [Theory]
    [InlineData("http://169.254.169.254/")]
    [InlineData("https://attacker.example/")]
    [InlineData("http://smba.example/")]
    [InlineData("https://user@smba.example/")]
    public async Task AServiceUrlThatIsNotTrusted_GetsNoRequest_AndNoToken(string serviceUrl)
    {
        var failure = await Assert.ThrowsAsync<ConnectorException>(() => Client("secret-token").SendToConversationAsync(Incoming.CreateReply("x") with { ServiceUrl = serviceUrl }, default));

        Assert.True(failure.UntrustedServiceUrl);
        Assert.Empty(sent);
    }

    [Fact]
    public async Task PersistentFailure_StopsAfterTheBoundedAttempts_WithTheStatus()
    {
        for (var i = 0; i < 10; i++)
        {
            Respond(HttpStatusCode.ServiceUnavailable, "");
        }

        var failure = await Assert.ThrowsAsync<ConnectorException>(() => Client(retries: 3).ReplyToActivityAsync(Incoming.CreateReply("x"), default));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, failure.StatusCode);
        Assert.Equal(4, sent.Count);
    }

    [Fact]
    public async Task BlockedByUser_IsNotRetried_AndSaysSo()
    {
        Respond(HttpStatusCode.Forbidden, """{"error":{"code":"MessageWritesBlocked","message":"Thread is blocked"}}""");

        var failure = await Assert.ThrowsAsync<ConnectorException>(() => Client().ReplyToActivityAsync(Incoming.CreateReply("x"), default));

        Assert.True(failure.IsBlockedByUser);
        Assert.Single(sent);
    }

    [Fact]
    public async Task ConversationGone_IsNotRetried_AndSaysSo()
    {
        Respond(HttpStatusCode.NotFound, "not json");

        var failure = await Assert.ThrowsAsync<ConnectorException>(() => Client().SendToConversationAsync(Incoming.CreateReply("x"), default));

        Assert.True(failure.IsConversationGone);
        Assert.False(failure.IsBlockedByUser);
        Assert.Single(sent);
    }

    [Fact]
    public async Task TooManyRequests_WaitsForRetryAfter_BeforeTryingAgain()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var throttled = new HttpResponseMessage(HttpStatusCode.TooManyRequests) { Content = new StringContent("") };
        throttled.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.FromSeconds(7));
        handler.Protected().SetupSequence<Task<HttpResponseMessage>>("SendAsync", ItExpr.IsAny<HttpRequestMessage>(), ItExpr.IsAny<CancellationToken>())
            .ReturnsAsync(throttled)
            .ReturnsAsync(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("""{"id":"ok"}""") });
        var calls = 0;
        var client = Client(time: time, onSend: () => calls++);

        var reply = client.ReplyToActivityAsync(Incoming.CreateReply("x"), default);
        await WaitUntil(() => calls == 1);
        time.Advance(TimeSpan.FromSeconds(6));
        await Task.Delay(50);
        var stillWaiting = !reply.IsCompleted && calls == 1;
        time.Advance(TimeSpan.FromSeconds(1.5));

        Assert.True(stillWaiting);
        Assert.Equal("ok", (await reply.WaitAsync(TimeSpan.FromSeconds(10))).Id);
        Assert.Equal(2, calls);
    }

    [Theory]
    [InlineData(7, 7)]
    [InlineData(600, 60)]
    public void RetryAfter_IsHonoured_UpToTheCap(int seconds, int expected)
    {
        using var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        response.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.FromSeconds(seconds));

        Assert.Equal(TimeSpan.FromSeconds(expected), ConnectorRetryPipeline.RetryAfter(response, TimeProvider.System, TimeSpan.FromSeconds(60)));
    }

    [Fact]
    public void RetryAfter_AsADate_IsMeasuredFromNow()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 8, 0, 0, TimeSpan.Zero));
        using var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        response.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(time.GetUtcNow().AddSeconds(12));

        Assert.Equal(TimeSpan.FromSeconds(12), ConnectorRetryPipeline.RetryAfter(response, time, TimeSpan.FromSeconds(60)));
        Assert.Null(ConnectorRetryPipeline.RetryAfter(new HttpResponseMessage(HttpStatusCode.ServiceUnavailable), time, TimeSpan.FromSeconds(60)));
    }

    [Fact]
    public async Task EveryAttempt_RetriesIncluded_WaitsForTheRateLimiter_WithItsConversation()
    {
        Respond(HttpStatusCode.ServiceUnavailable, "{}");
        Respond(HttpStatusCode.TooManyRequests, "{}");
        Respond(HttpStatusCode.OK, """{"id":"r-1"}""");
        Respond(HttpStatusCode.OK, """{"id":"a:new"}""");
        var asked = new List<string?>();
        var limiter = new Mock<IOutboundRateLimiter>();
        limiter.Setup(l => l.WaitTurnAsync(It.IsAny<string?>(), It.IsAny<CancellationToken>())).Callback<string?, CancellationToken>((c, _) => asked.Add(c)).Returns(ValueTask.CompletedTask);
        var client = Client(limiter: limiter.Object);

        await client.ReplyToActivityAsync(Incoming.CreateReply("a"), default);
        await client.CreateConversationAsync(new Uri("https://smba.example/apac/"), new ConversationParameters { Bot = new ChannelAccount { Id = "28:bot" } }, default);

        Assert.Equal(["a:1;messageid=2", "a:1;messageid=2", "a:1;messageid=2", null], asked);
    }

    [Fact]
    public async Task WaitingForTheRateLimiter_IsNotCountedAsASlowConnector()
    {
        Respond(HttpStatusCode.OK, """{"id":"r-1"}""");
        var limiter = new Mock<IOutboundRateLimiter>();
        limiter.Setup(l => l.WaitTurnAsync(It.IsAny<string?>(), It.IsAny<CancellationToken>())).Returns(async () => await Task.Delay(300));

        var result = await Client(limiter: limiter.Object, attemptTimeout: TimeSpan.FromMilliseconds(100)).ReplyToActivityAsync(Incoming.CreateReply("a"), default);

        Assert.Equal("r-1", result.Id);
        Assert.Single(sent);
    }

    private static async Task WaitUntil(Func<bool> condition)
    {
        for (var i = 0; i < 200 && !condition(); i++)
        {
            await Task.Delay(10);
        }
    }

    private void Respond(HttpStatusCode status, string body)
    {
        responses.Enqueue(() => new HttpResponseMessage(status) { Content = new StringContent(body, Encoding.UTF8, "application/json") });
    }

    private readonly Queue<Func<HttpResponseMessage>> responses = new();

    private ConnectorClient Client(string? token = null, int retries = 4, TimeProvider? time = null, Action? onSend = null, IOutboundRateLimiter? limiter = null, TimeSpan? attemptTimeout = null)
    {
        if (responses.Count > 0)
        {
            handler.Protected().Setup<Task<HttpResponseMessage>>("SendAsync", ItExpr.IsAny<HttpRequestMessage>(), ItExpr.IsAny<CancellationToken>())
                .Returns<HttpRequestMessage, CancellationToken>(async (request, ct) =>
                {
                    sent.Add(request);
                    bodies.Add(request.Content is null ? string.Empty : await request.Content.ReadAsStringAsync(ct));
                    return responses.Dequeue()();
                });
        }

        var tokens = new Mock<IBotTokenProvider>();
        tokens.Setup(t => t.GetTokenAsync(It.IsAny<CancellationToken>())).ReturnsAsync(token);
        var options = new BotFrameworkOptions { AppId = "app", MaxConnectorRetries = retries, ConnectorBaseDelay = TimeSpan.FromMilliseconds(1), ConnectorAttemptTimeout = attemptTimeout ?? TimeSpan.FromSeconds(30) };
        options.TrustedServiceHosts.Add("smba.example");
        var counting = onSend is null ? (HttpMessageHandler)handler.Object : new CountingHandler(handler.Object, onSend);
        return new ConnectorClient(new HttpClient(counting), tokens.Object, ConnectorRetryPipeline.Create(options, time ?? TimeProvider.System), limiter ?? new NoOutboundRateLimit(), options);
    }

    private sealed class Watching(Action beforeEachAttempt) : IOutboundRateLimiter
    {
        public ValueTask WaitTurnAsync(string? conversationId, CancellationToken cancellationToken)
        {
            beforeEachAttempt();
            return ValueTask.CompletedTask;
        }
    }

    private sealed class CountingHandler(HttpMessageHandler inner, Action onSend) : DelegatingHandler(inner)
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            onSend();
            return base.SendAsync(request, cancellationToken);
        }
    }
}
