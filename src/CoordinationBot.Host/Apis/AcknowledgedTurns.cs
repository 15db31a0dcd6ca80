using System.Security.Claims;
using System.Threading.Channels;
using CoordinationBot.BotFramework.Schema;
using CoordinationBot.Host.Telemetry;

namespace CoordinationBot.Host.Apis;

/// <summary>
/// Turns that answer after the channel's request was acknowledged (questions): the endpoint returns 200 as soon as
/// the activity is authenticated, and lanes answer through the connector. One conversation always maps to the same
/// lane, so its answers keep the order of its questions. A full lane refuses, and the endpoint then answers in the
/// request as before; stopping the host drains the lanes. These turns store nothing, so a crash loses only answers
/// not yet sent, never a report.
/// </summary>
public sealed partial class AcknowledgedTurns(IServiceScopeFactory scopes, ILogger<AcknowledgedTurns> logger) : IHostedService, IDisposable
{
    private const int LaneCount = 16;
    private const int LaneCapacity = 64;

    // A response that never reports completion (a dropped connection) must not stall its lane.
    private static readonly TimeSpan AcknowledgementWait = TimeSpan.FromSeconds(2);

    // Kestrel reports a response complete once it is handed to the socket's pipe, before the bytes leave; started at
    // once, the answer's work delays the 200 it follows (measured: +0.5 ms p50 on 2 cores). A 2 ms head start keeps
    // the acknowledgement first, at that cost to the answer (see bench load's answer_p95_ms).
    private static readonly TimeSpan AcknowledgementHeadStart = TimeSpan.FromMilliseconds(2);
    private readonly Channel<Turn>[] lanes = [.. Enumerable.Range(0, LaneCount).Select(_ => Channel.CreateBounded<Turn>(new BoundedChannelOptions(LaneCapacity) { SingleReader = true }))];
    private readonly CancellationTokenSource stopping = new();
    private Task[] readers = [];

    /// <summary>
    /// Queues the turn, to run once <paramref name="acknowledged"/> completes (the channel has its 200), so an answer
    /// never competes with its own acknowledgement; false when the lane is full or the host is stopping.
    /// </summary>
    public bool TryQueue(Activity activity, ClaimsIdentity? identity, Task acknowledged)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (readers.Length == 0)
        {
            return false;
        }

        var lane = (int)((uint)StringComparer.Ordinal.GetHashCode(activity.Conversation?.Id ?? string.Empty) % LaneCount);
        BotTelemetry.PendingAnswers.Add(1);
        if (lanes[lane].Writer.TryWrite(new Turn(activity, identity, acknowledged)))
        {
            return true;
        }

        BotTelemetry.PendingAnswers.Add(-1);
        return false;
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        readers = [.. lanes.Select(lane => Task.Run(() => ReadAsync(lane.Reader), CancellationToken.None))];
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        foreach (var lane in lanes)
        {
            lane.Writer.TryComplete();
        }

        using var abandon = cancellationToken.Register(stopping.Cancel);
        await Task.WhenAll(readers);
    }

    public void Dispose() => stopping.Dispose();

    private async Task ReadAsync(ChannelReader<Turn> reader)
    {
        await foreach (var turn in reader.ReadAllAsync(CancellationToken.None))
        {
            try
            {
                await turn.Acknowledged.WaitAsync(AcknowledgementWait, CancellationToken.None).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                await Task.Delay(AcknowledgementHeadStart, TimeProvider.System, CancellationToken.None);
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<TurnRunner>().RunAsync(turn.Activity, turn.Identity, stopping.Token);
            }
            catch (Exception exception) when (exception is not OutOfMemoryException)
            {
                // The runner already told the user about handler failures; this is the host stopping or the error
                // reply itself failing. The lane must go on either way.
                TurnAbandoned(logger, exception, turn.Activity.Type);
            }
            finally
            {
                BotTelemetry.PendingAnswers.Add(-1);
            }
        }
    }

    private sealed record Turn(Activity Activity, ClaimsIdentity? Identity, Task Acknowledged);

    [LoggerMessage(1, LogLevel.Warning, "A {ActivityType} turn answered after acknowledging ended without an answer")]
    private static partial void TurnAbandoned(ILogger logger, Exception exception, string? activityType);
}
