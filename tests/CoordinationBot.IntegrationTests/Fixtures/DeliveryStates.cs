using CoordinationBot.Core.StatusReports;

namespace CoordinationBot.IntegrationTests.Fixtures;

/// <summary>Waiting on the delivery worker, which runs on its own: polls a round's delivery states.</summary>
public static class DeliveryStates
{
    /// <summary>Polls until <paramref name="done"/> holds or <paramref name="timeout"/> passes; returns the last states read.</summary>
    public static async Task<IReadOnlyList<(string DeliveryId, string Agency, DeliveryState State, string? Reason)>> WaitUntilAsync(
        this IDeliveryLog log,
        string roundId,
        Func<IReadOnlyList<(string DeliveryId, string Agency, DeliveryState State, string? Reason)>, bool> done,
        TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(log);
        ArgumentNullException.ThrowIfNull(done);
        var deadline = DateTime.UtcNow + timeout;
        var states = await log.ListAsync(roundId, default);
        while (!done(states) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(200);
            states = await log.ListAsync(roundId, default);
        }

        return states;
    }
}
