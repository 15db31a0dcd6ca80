using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CoordinationBot.IntegrationTests.People;

/// <summary>
/// A loopback server that answers as Microsoft Graph does, one queued answer per request (JSON, status codes,
/// throttling with Retry-After), and records what the client asked — for Graph's real client and middleware.
/// </summary>
public sealed class LoopbackGraph : IAsyncDisposable
{
    private readonly (int Status, string Body) whenNoneQueued;
    private WebApplication server = null!;

    private LoopbackGraph((int Status, string Body) whenNoneQueued)
    {
        this.whenNoneQueued = whenNoneQueued;
    }

    public ConcurrentQueue<(int Status, string Body)> Answers { get; } = new();

    public ConcurrentQueue<GraphRequest> Requested { get; } = new();

    /// <summary>Graph's base URL on this server (<c>…/v1.0</c>).</summary>
    public Uri BaseUrl { get; private set; } = null!;

    public static async Task<LoopbackGraph> StartAsync(int status, string body)
    {
        var graph = new LoopbackGraph((status, body));
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        graph.server = builder.Build();
        graph.server.Run(graph.AnswerAsync);
        await graph.server.StartAsync();
        graph.BaseUrl = new Uri(graph.server.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/') + "/v1.0");
        return graph;
    }

    public async ValueTask DisposeAsync() => await server.DisposeAsync();

    private async Task AnswerAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body);
        Requested.Enqueue(new GraphRequest(
            context.Request.Method,
            Uri.UnescapeDataString(context.Request.Path + context.Request.QueryString),
            context.Request.Headers["ConsistencyLevel"].FirstOrDefault(),
            await reader.ReadToEndAsync()));
        var (status, body) = Answers.TryDequeue(out var answer) ? answer : whenNoneQueued;
        context.Response.StatusCode = status;
        if (status is 429 or 503)
        {
            context.Response.Headers.RetryAfter = "0";
        }

        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(body);
    }
}

/// <summary>One request Graph's client made: method, path and query (unescaped), ConsistencyLevel header, body.</summary>
public sealed record GraphRequest(string Method, string Target, string? ConsistencyLevel, string Body);
