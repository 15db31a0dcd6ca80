using CoordinationBot.Graph;
using CoordinationBot.Graph.Directory;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Kiota.Abstractions.Authentication;

namespace CoordinationBot.IntegrationTests.People;

/// <summary>
/// <see cref="GraphDirectory"/> with Graph's real client and middleware against a loopback server that answers as
/// Graph does (user JSON, 404, throttling with Retry-After, outages) — no mock of the SDK.
/// </summary>
public sealed class GraphDirectoryTests : IAsyncLifetime
{
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 11, 23, 8, 0, 0, TimeSpan.Zero));
    private LoopbackGraph graph = null!;

    public async Task InitializeAsync() => graph = await LoopbackGraph.StartAsync(503, """{"error":{"code":"serviceNotAvailable","message":"down"}}""");

    public async Task DisposeAsync() => await graph.DisposeAsync();

    [Fact]
    public async Task Department_IsTheAgency_ReadOnceThenCached()
    {
        graph.Answers.Enqueue((200, """{"id":"u1","department":"Sở Tài chính","officeLocation":"Tầng 3"}"""));
        var directory = Create();

        var first = await directory.FindAgencyAsync("u1", default);
        var second = await directory.FindAgencyAsync("u1", default);

        Assert.Equal("Sở Tài chính", first.Agency);
        Assert.Equal("Sở Tài chính", second.Agency);
        var request = Assert.Single(graph.Requested).Target;
        Assert.StartsWith("/v1.0/users/u1", request, StringComparison.Ordinal);
        Assert.Contains("department", request, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Throttling_IsRetried_AfterRetryAfter()
    {
        graph.Answers.Enqueue((429, """{"error":{"code":"TooManyRequests","message":"slow down"}}"""));
        graph.Answers.Enqueue((200, """{"id":"u1","department":"Công an tỉnh"}"""));

        var lookup = await Create().FindAgencyAsync("u1", default);

        Assert.Equal("Công an tỉnh", lookup.Agency);
        Assert.Equal(2, graph.Requested.Count);
    }

    [Fact]
    public async Task OfficeLocation_CanBeTheAttribute()
    {
        graph.Answers.Enqueue((200, """{"id":"u1","department":"Phòng 2","officeLocation":"Công an tỉnh"}"""));

        Assert.Equal("Công an tỉnh", (await Create(attribute: "officeLocation").FindAgencyAsync("u1", default)).Agency);
    }

    [Fact]
    public async Task UnknownUser_HasNoAgency()
    {
        graph.Answers.Enqueue((404, """{"error":{"code":"Request_ResourceNotFound","message":"not found"}}"""));

        var lookup = await Create().FindAgencyAsync("nobody", default);

        Assert.Null(lookup.Agency);
        Assert.False(lookup.FromCacheBecauseUnavailable);
    }

    [Fact]
    public async Task GraphUnavailable_FallsBackToTheCache_AndSaysSo()
    {
        graph.Answers.Enqueue((200, """{"id":"u1","department":"Sở Y tế"}"""));
        var directory = Create();
        await directory.FindAgencyAsync("u1", default);
        time.Advance(TimeSpan.FromHours(2));

        var lookup = await directory.FindAgencyAsync("u1", default);

        Assert.Equal("Sở Y tế", lookup.Agency);
        Assert.True(lookup.FromCacheBecauseUnavailable);
    }

    private GraphDirectory Create(string attribute = "department") =>
        new(GraphExtensions.CreateClient(new AnonymousAuthenticationProvider(), graph.BaseUrl), new DirectoryOptions { Attribute = attribute }, time, NullLogger<GraphDirectory>.Instance);
}
