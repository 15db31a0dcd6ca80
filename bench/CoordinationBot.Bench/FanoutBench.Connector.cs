using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CoordinationBot.Bench;

/// <summary>The bench's stand-in for Teams: a loopback connector that enforces the rate limit.</summary>
public static partial class FanoutBench
{
    /// <summary>A loopback connector that allows <c>perSecond</c> requests in any second (counted as they arrive), answers 429 beyond and to some at random, each answer after the latency given.</summary>
    private sealed class LimitedConnector : IAsyncDisposable
    {
        private readonly WebApplication app;
        private readonly int perSecond;
        private readonly Teams teams;
        private readonly Queue<long> recent = new();
        private readonly Lock gate = new();
        private int throttled;
        private long firstCallAt;
        private long lastDeliveredAt;
        private long lastCallAt;
        private TimeSpan longestPause;
        private TimeSpan longestPauseAt;

        private LimitedConnector(WebApplication app, int perSecond, Teams teams)
        {
            this.app = app;
            this.perSecond = perSecond;
            this.teams = teams;
        }

        public Uri ServiceUrl { get; private set; } = null!;

        public ConcurrentDictionary<string, int> Delivered { get; } = new(StringComparer.Ordinal);

        public int Throttled => throttled;

        /// <summary>When the first call of the fan-out arrived (0: none yet), and when the latest card was accepted.</summary>
        public long FirstCallAt => Interlocked.Read(ref firstCallAt);

        public long LastDeliveredAt => Interlocked.Read(ref lastDeliveredAt);

        /// <summary>The longest time no call arrived during the fan-out, and how far into it that pause ended.</summary>
        public (TimeSpan Pause, TimeSpan At) LongestPause
        {
            get
            {
                lock (gate)
                {
                    return (longestPause, longestPauseAt);
                }
            }
        }

        public static async Task<LimitedConnector> StartAsync(int perSecond, Teams teams)
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            builder.Logging.ClearProviders();
            var app = builder.Build();
            var connector = new LimitedConnector(app, perSecond, teams);
            app.MapPost("/v3/conversations/{id}/activities", connector.HandleAsync);
            await app.StartAsync();
            connector.ServiceUrl = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/') + "/");
            return connector;
        }

        public async ValueTask DisposeAsync()
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }

        private async Task HandleAsync(HttpContext context, string id)
        {
            bool allowed;
            Interlocked.CompareExchange(ref firstCallAt, Stopwatch.GetTimestamp(), 0);
            lock (gate)
            {
                var now = Stopwatch.GetTimestamp();
                if (lastCallAt != 0 && Stopwatch.GetElapsedTime(lastCallAt, now) is var pause && pause > longestPause)
                {
                    (longestPause, longestPauseAt) = (pause, Stopwatch.GetElapsedTime(FirstCallAt, now));
                }

                lastCallAt = now;
                while (recent.Count > 0 && Stopwatch.GetElapsedTime(recent.Peek(), now) > TimeSpan.FromSeconds(1))
                {
                    recent.Dequeue();
                }

                allowed = recent.Count < perSecond && Random.Shared.NextDouble() >= teams.Share429;
                if (allowed)
                {
                    recent.Enqueue(now);
                }
            }

            if (teams.Latency > TimeSpan.Zero)
            {
                await Task.Delay(teams.Latency);
            }

            if (!allowed)
            {
                Interlocked.Increment(ref throttled);
                context.Response.StatusCode = 429;
                context.Response.Headers.RetryAfter = "1";
                return;
            }

            Delivered.AddOrUpdate(Uri.UnescapeDataString(id), 1, (_, n) => n + 1);
            Interlocked.Exchange(ref lastDeliveredAt, Stopwatch.GetTimestamp());
            await context.Response.WriteAsJsonAsync(new { id = Guid.NewGuid().ToString("N") });
        }
    }
}
