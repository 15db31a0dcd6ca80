using CoordinationBot.BotFramework.Connector;

namespace CoordinationBot.Host.Features.Deliveries;

/// <summary>
/// Every request this instance makes to Teams waits here for its slot in <see cref="TeamsSendSchedule"/>: status
/// cards, reminders, answers and each of their retries. With several instances, <c>Delivery:AppRequestsPerSecond</c>
/// is each instance's share of the app's ~50 a second. Waiting here keeps most sends from ever meeting a 429.
/// </summary>
public sealed class TeamsRateLimiter(Microsoft.Extensions.Options.IOptions<DeliveryOptions> options) : IOutboundRateLimiter
{
    // Pacing is about the real seconds Teams counts, not business time: the real clock, so a test's fake clock
    // (which moves due dates) can neither stall sends nor let them burst.
    private static readonly TimeProvider Time = TimeProvider.System;
    private readonly TeamsSendSchedule schedule = new(options.Value.AppRequestsPerSecond);
    private readonly Lock gate = new();

    public async ValueTask WaitTurnAsync(string? conversationId, CancellationToken cancellationToken)
    {
        while (true)
        {
            bool taken;
            DateTimeOffset at;
            var now = Time.GetUtcNow();
            lock (gate)
            {
                (taken, at) = schedule.TryTake(conversationId, now);
            }

            if (at > now)
            {
                await Task.Delay(at - now, Time, cancellationToken);
            }

            if (!taken)
            {
                continue;
            }

            bool leaves;
            DateTimeOffset retryAt;
            var departure = Time.GetUtcNow();
            lock (gate)
            {
                (leaves, retryAt) = schedule.Depart(conversationId, at, departure);
            }

            if (leaves)
            {
                return;
            }

            await Task.Delay(retryAt - departure, Time, cancellationToken);
        }
    }
}
