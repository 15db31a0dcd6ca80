using System.Collections.Concurrent;
using System.Text.Json;
using CoordinationBot.BotFramework.Schema;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CoordinationBot.Testing;

/// <summary>
/// A Bot Connector on loopback (real HTTP, Kestrel) that records what the bot sends and answers as the connector
/// does. Failures can be scripted: each queued status is answered once, before normal service resumes.
/// </summary>
public sealed class LoopbackConnector : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly ConcurrentQueue<ScriptedFailure> failures = new();
    private readonly ConcurrentDictionary<string, byte[]> files = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ScriptedFailure> failingConversations = new(StringComparer.Ordinal);
    private readonly Lock randomGate = new();
    private Random? random;
    private double randomShare;
    private TaskCompletionSource? held;

    private LoopbackConnector(WebApplication app)
    {
        this.app = app;
    }

    public Uri ServiceUrl { get; private set; } = null!;

    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    public static async Task<LoopbackConnector> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var connector = new LoopbackConnector(app);
        app.Run(connector.HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        connector.ServiceUrl = new Uri(address.TrimEnd('/') + "/");
        return connector;
    }

    /// <summary>The next request gets <paramref name="status"/> (with Retry-After seconds and error code when given).</summary>
    public void FailNext(int status, int? retryAfterSeconds = null, string? errorCode = null) =>
        failures.Enqueue(new ScriptedFailure(status, retryAfterSeconds, errorCode));

    /// <summary>Every post into <paramref name="conversationId"/> gets <paramref name="status"/> (e.g. 403 MessageWritesBlocked).</summary>
    public void FailAlways(string conversationId, int status, string? errorCode = null) =>
        failingConversations[conversationId] = new ScriptedFailure(status, null, errorCode);

    /// <summary>How long each activity post takes to be answered (Teams takes some tens of milliseconds).</summary>
    public TimeSpan Latency { get; set; }

    /// <summary>Posts into <paramref name="conversationId"/> succeed again (the outage is over).</summary>
    public void Heal(string conversationId) => failingConversations.TryRemove(conversationId, out _);

    /// <summary>
    /// From now on each activity post fails with probability <paramref name="share"/>, evenly among 429 with
    /// Retry-After 1 s, 500, 503, and no answer at all until the client gives up (a timeout).
    /// </summary>
    public void FailAtRandom(int seed, double share)
    {
        lock (randomGate)
        {
            random = new Random(seed);
            randomShare = share;
        }
    }

    /// <summary>Activity posts are recorded but not answered until the returned handle is disposed.</summary>
    public IDisposable Hold()
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        held = gate;
        return new Release(() =>
        {
            held = null;
            gate.TrySetResult();
        });
    }

    /// <summary>Serves <paramref name="content"/> at <c>/files/{name}</c>, as Teams serves a file the user sent; returns its URL.</summary>
    public Uri ServeFile(string name, byte[] content)
    {
        files[name] = content;
        return new Uri(ServiceUrl, "files/" + Uri.EscapeDataString(name));
    }

    /// <summary>A URL that answers 302 to <paramref name="target"/>, as a file host that sends the client elsewhere.</summary>
    public Uri RedirectTo(Uri target)
    {
        ArgumentNullException.ThrowIfNull(target);
        return new Uri(ServiceUrl, "redirect?to=" + Uri.EscapeDataString(target.ToString()));
    }

    /// <summary>Waits until at least <paramref name="count"/> activities were posted.</summary>
    public async Task<IReadOnlyList<RecordedRequest>> WaitForAsync(int count, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (Requests.Count < count && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }

        return Requests.ToArray();
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        if (context.Request.Method == "GET" && context.Request.Path == "/redirect")
        {
            context.Response.StatusCode = 302;
            context.Response.Headers.Location = context.Request.Query["to"].ToString();
            return;
        }

        if (context.Request.Method == "GET" && context.Request.Path.StartsWithSegments("/files", out var rest))
        {
            if (files.TryGetValue(Uri.UnescapeDataString(rest.Value!.TrimStart('/')), out var bytes))
            {
                await context.Response.Body.WriteAsync(bytes);
            }
            else
            {
                context.Response.StatusCode = 404;
            }

            return;
        }

        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync();
        Activity? activity = null;
        if (body.Length > 0 && context.Request.Path.Value!.Contains("/activities", StringComparison.Ordinal))
        {
            activity = JsonSerializer.Deserialize(body, BotJsonContext.Default.Activity);
        }

        var rawTarget = context.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpRequestFeature>()?.RawTarget ?? context.Request.Path.Value!;
        var conversation = activity?.Conversation?.Id;
        if (!(conversation is not null && failingConversations.TryGetValue(conversation, out var failure)) && !failures.TryDequeue(out failure) && activity is not null)
        {
            failure = RandomFailure();
        }

        Requests.Enqueue(new RecordedRequest(context.Request.Method, rawTarget, context.Request.Headers.Authorization.ToString(), body, activity, DateTimeOffset.UtcNow, failure?.Status ?? 200));
        if (Latency > TimeSpan.Zero && activity is not null)
        {
            await Task.Delay(Latency);
        }

        if (held is { } gate && activity is not null)
        {
            await gate.Task;
        }

        if (failure is { Status: 0 })
        {
            // No answer: the client's attempt timeout ends the request.
            await Task.Delay(TimeSpan.FromMinutes(2), context.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
            context.Response.StatusCode = 504;
            return;
        }

        if (failure is not null)
        {
            context.Response.StatusCode = failure.Status;
            if (failure.RetryAfterSeconds is { } seconds)
            {
                context.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            if (failure.ErrorCode is not null)
            {
                await context.Response.WriteAsJsonAsync(new { error = new { code = failure.ErrorCode, message = "scripted" } });
            }

            return;
        }

        context.Response.StatusCode = 200;
        if (context.Request.Path.Value!.EndsWith("/pagedmembers", StringComparison.Ordinal))
        {
            await context.Response.WriteAsJsonAsync(new { members = new[] { new { id = "29:user", name = "Officer", aadObjectId = "aad-1" } } });
            return;
        }

        if (context.Request.Path.Value == "/v3/conversations")
        {
            await context.Response.WriteAsJsonAsync(new { id = "a:new-conversation", activityId = "1" });
            return;
        }

        await context.Response.WriteAsJsonAsync(new { id = "activity-" + Requests.Count.ToString(System.Globalization.CultureInfo.InvariantCulture) });
    }

    private ScriptedFailure? RandomFailure()
    {
        lock (randomGate)
        {
            if (random is null || random.NextDouble() >= randomShare)
            {
                return null;
            }

            return random.Next(4) switch
            {
                0 => new ScriptedFailure(429, 1, null),
                1 => new ScriptedFailure(500, null, null),
                2 => new ScriptedFailure(503, null, null),
                _ => new ScriptedFailure(0, null, null),
            };
        }
    }

    private sealed record ScriptedFailure(int Status, int? RetryAfterSeconds, string? ErrorCode);

    private sealed class Release(Action release) : IDisposable
    {
        public void Dispose() => release();
    }
}

/// <summary>
/// What the bot sent to the connector; <see cref="Path"/> is the raw request target, as escaped on the wire;
/// <see cref="Status"/> what the connector answered (0: nothing, the client gave up).
/// </summary>
public sealed record RecordedRequest(string Method, string Path, string Authorization, string Body, Activity? Activity, DateTimeOffset At, int Status);
