using System.Collections.Concurrent;
using CoordinationBot.Graph;
using CoordinationBot.Graph.Directory;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
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
    private readonly ConcurrentQueue<(int Status, string Body)> answers = new();
    private readonly ConcurrentQueue<string> requested = new();
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 11, 23, 8, 0, 0, TimeSpan.Zero));
    private WebApplication server = null!;
    private Uri baseUrl = null!;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        server = builder.Build();
        server.Run(async context =>
        {
            requested.Enqueue(context.Request.Path + context.Request.QueryString);
            var (status, body) = answers.TryDequeue(out var answer) ? answer : (503, """{"error":{"code":"serviceNotAvailable","message":"down"}}""");
            context.Response.StatusCode = status;
            if (status is 429 or 503)
            {
                context.Response.Headers.RetryAfter = "0";
            }

            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(body);
        });
        await server.StartAsync();
        baseUrl = new Uri(server.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/') + "/v1.0");
    }

    public async Task DisposeAsync() => await server.DisposeAsync();

    [Fact]
    public async Task Department_IsTheAgency_ReadOnceThenCached()
    {
        answers.Enqueue((200, """{"id":"u1","department":"Sở Tài chính","officeLocation":"Tầng 3"}"""));
        var directory = Create();

        var first = await directory.FindAgencyAsync("u1", default);
        var second = await directory.FindAgencyAsync("u1", default);

        Assert.Equal("Sở Tài chính", first.Agency);
        Assert.Equal("Sở Tài chính", second.Agency);
        var request = Assert.Single(requested);
        Assert.StartsWith("/v1.0/users/u1", request, StringComparison.Ordinal);
        Assert.Contains("department", Uri.UnescapeDataString(request), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Throttling_IsRetried_AfterRetryAfter()
    {
        answers.Enqueue((429, """{"error":{"code":"TooManyRequests","message":"slow down"}}"""));
        answers.Enqueue((200, """{"id":"u1","department":"Công an tỉnh"}"""));

        var lookup = await Create().FindAgencyAsync("u1", default);

        Assert.Equal("Công an tỉnh", lookup.Agency);
        Assert.Equal(2, requested.Count);
    }

    [Fact]
    public async Task OfficeLocation_CanBeTheAttribute()
    {
        answers.Enqueue((200, """{"id":"u1","department":"Phòng 2","officeLocation":"Công an tỉnh"}"""));

        Assert.Equal("Công an tỉnh", (await Create(attribute: "officeLocation").FindAgencyAsync("u1", default)).Agency);
    }

    [Fact]
    public async Task UnknownUser_HasNoAgency()
    {
        answers.Enqueue((404, """{"error":{"code":"Request_ResourceNotFound","message":"not found"}}"""));

        var lookup = await Create().FindAgencyAsync("nobody", default);

        Assert.Null(lookup.Agency);
        Assert.False(lookup.FromCacheBecauseUnavailable);
    }

    [Fact]
    public async Task GraphUnavailable_FallsBackToTheCache_AndSaysSo()
    {
        answers.Enqueue((200, """{"id":"u1","department":"Sở Y tế"}"""));
        var directory = Create();
        await directory.FindAgencyAsync("u1", default);
        time.Advance(TimeSpan.FromHours(2));

        var lookup = await directory.FindAgencyAsync("u1", default);

        Assert.Equal("Sở Y tế", lookup.Agency);
        Assert.True(lookup.FromCacheBecauseUnavailable);
    }

    private GraphDirectory Create(string attribute = "department") =>
        new(GraphExtensions.CreateClient(new AnonymousAuthenticationProvider(), baseUrl), new DirectoryOptions { Attribute = attribute }, time, NullLogger<GraphDirectory>.Instance);
}
