namespace CoordinationBot.BotFramework.Connector;

/// <summary>
/// When the next request to Teams may leave, so that no window ever holds more than Teams allows: per conversation
/// 7 in any 1 s, 8 in any 2 s, 60 in any 30 s and 1,800 in any hour (sliding, not fixed windows); for the whole app
/// one slot every <c>1 / appRequestsPerSecond</c>, so no second ever holds more than that many. Slots are handed
/// out in increasing time, which is what makes the per-conversation check exact. Teams counts requests as they
/// arrive, and two requests can leave a few milliseconds off their slots, so each window is kept
/// <see cref="Margin"/> longer than Teams' own. Not thread-safe; the caller locks.
/// </summary>
public sealed class TeamsSendSchedule(double appRequestsPerSecond)
{
    public static readonly IReadOnlyList<(int Count, TimeSpan Window)> PerConversation =
    [
        (7, TimeSpan.FromSeconds(1)),
        (8, TimeSpan.FromSeconds(2)),
        (60, TimeSpan.FromSeconds(30)),
        (1800, TimeSpan.FromHours(1)),
    ];

    public static readonly TimeSpan Margin = TimeSpan.FromMilliseconds(250);

    private static readonly TimeSpan LongestWindow = TimeSpan.FromHours(1);
    private readonly TimeSpan spacing = TimeSpan.FromSeconds(1 / Math.Clamp(appRequestsPerSecond, 0.1, 50));
    private readonly Dictionary<string, List<DateTimeOffset>> sent = new(StringComparer.Ordinal);
    private DateTimeOffset nextSlot = DateTimeOffset.MinValue;
    private DateTimeOffset nextSweep = DateTimeOffset.MinValue;

    /// <summary>
    /// Takes the next app slot for a request into <paramref name="conversationId"/> if the conversation's windows
    /// allow it then: returns (true, the slot). Otherwise takes nothing and returns (false, when to ask again).
    /// </summary>
    public (bool Taken, DateTimeOffset At) TryTake(string? conversationId, DateTimeOffset now)
    {
        Sweep(now);
        var slot = now > nextSlot ? now : nextSlot;
        if (conversationId is not null)
        {
            var times = sent.TryGetValue(conversationId, out var list) ? list : sent[conversationId] = [];
            var ready = EarliestAllowed(times, slot);
            if (ready > slot)
            {
                return (false, ready);
            }

            times.Add(slot);
        }

        nextSlot = slot + spacing;
        return (true, slot);
    }

    /// <summary>
    /// At the moment a reserved request actually leaves (a timer can wake late, a busy machine later still): its slot is
    /// moved to <paramref name="now"/>, and it may leave only if the conversation's windows still hold with the real
    /// times of the others. Otherwise the reservation is dropped and (false, when to ask again) is returned.
    /// </summary>
    public (bool Leaves, DateTimeOffset RetryAt) Depart(string? conversationId, DateTimeOffset reserved, DateTimeOffset now)
    {
        if (conversationId is null || now <= reserved || !sent.TryGetValue(conversationId, out var times))
        {
            return (true, now);
        }

        times.Remove(reserved);
        var ready = EarliestAllowed([.. times.Where(t => t <= now)], now);
        if (ready > now)
        {
            return (false, ready);
        }

        times.Add(now);
        times.Sort();
        return (true, now);
    }

    /// <summary>The first moment at or after <paramref name="from"/> when one more send keeps every window within its count.</summary>
    private static DateTimeOffset EarliestAllowed(List<DateTimeOffset> times, DateTimeOffset from)
    {
        var ready = from;
        foreach (var (count, window) in PerConversation)
        {
            // The window (t - w, t] may hold count - 1 earlier sends: t must be at least the count-th latest send + w.
            if (times.Count >= count && times[^count] + window + Margin > ready)
            {
                ready = times[^count] + window + Margin;
            }
        }

        return ready;
    }

    private void Sweep(DateTimeOffset now)
    {
        if (now < nextSweep)
        {
            return;
        }

        nextSweep = now + TimeSpan.FromMinutes(1);
        foreach (var (conversation, times) in sent.ToList())
        {
            times.RemoveAll(t => t <= now - LongestWindow);
            if (times.Count == 0)
            {
                sent.Remove(conversation);
            }
        }
    }
}
