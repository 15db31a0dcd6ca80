using CoordinationBot.BotFramework.Connector;

namespace CoordinationBot.BotFramework.Tests.Connector;

public sealed class TeamsSendScheduleTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 23, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public void OneBusyConversation_NeverExceedsAnyOfItsWindows_AndIsNotSlowerThanTheyRequire()
    {
        var schedule = new TeamsSendSchedule(47.6);

        var times = Drain(schedule, Enumerable.Repeat("a:busy", 200));

        foreach (var (count, window) in TeamsSendSchedule.PerConversation)
        {
            // count + 1 sends may never fall inside one window (t - w, t].
            for (var i = 0; i + count < times.Count; i++)
            {
                Assert.True(times[i + count] - times[i] >= window + TeamsSendSchedule.Margin, $"{count + 1} sends within {window} from send {i}");
            }
        }

        // Tight: 7 at once, the 8th a second (and the margin) later, and so on.
        Assert.Equal(TimeSpan.FromSeconds(1) + TeamsSendSchedule.Margin, times[7] - times[0]);
        Assert.Equal(TimeSpan.FromSeconds(30) + TeamsSendSchedule.Margin, times[60] - times[0]);
    }

    [Fact]
    public void ARequestThatLeavesLate_HoldsBackTheOnesAfterIt_SoTheWindowsHoldAtTheRealTimes()
    {
        var schedule = new TeamsSendSchedule(47.6);
        var slots = Enumerable.Range(0, 8).Select(_ => schedule.TryTake("a:busy", Start)).Select(t => t.At).ToList();
        Assert.Equal(TimeSpan.FromSeconds(1) + TeamsSendSchedule.Margin, slots[7] - slots[0]);

        // The first request's timer wakes half a second late; the others leave on time.
        for (var i = 1; i < 7; i++)
        {
            Assert.True(schedule.Depart("a:busy", slots[i], slots[i]).Leaves);
        }

        Assert.True(schedule.Depart("a:busy", slots[0], Start + TimeSpan.FromMilliseconds(500)).Leaves);
        var eighth = schedule.Depart("a:busy", slots[7], slots[7] + TimeSpan.FromMilliseconds(1));

        Assert.False(eighth.Leaves);
        Assert.Equal(slots[1] + TimeSpan.FromSeconds(1) + TeamsSendSchedule.Margin, eighth.RetryAt);
    }

    [Fact]
    public void ManyConversations_ShareTheAppSlots_AndNoSecondHoldsMoreThanTheAppRate()
    {
        var schedule = new TeamsSendSchedule(47.6);

        var times = Drain(schedule, Enumerable.Range(0, 1000).Select(i => $"a:{i}"));

        for (var i = 0; i + 48 < times.Count; i++)
        {
            Assert.True(times[i + 48] - times[i] >= TimeSpan.FromSeconds(1), $"49 sends within a second from send {i}");
        }

        Assert.InRange((times[^1] - times[0]).TotalSeconds, (999 / 47.6) - 0.01, (999 / 47.6) + 0.01);
    }

    [Fact]
    public void AConversationAtItsLimit_DoesNotHoldUpTheOthers()
    {
        var schedule = new TeamsSendSchedule(47.6);
        for (var i = 0; i < 7; i++)
        {
            Assert.True(schedule.TryTake("a:busy", Start).Taken);
        }

        var (busyTaken, busyAgain) = schedule.TryTake("a:busy", Start);
        var (quietTaken, quietAt) = schedule.TryTake("a:quiet", Start);

        Assert.False(busyTaken);
        Assert.Equal(Start + TimeSpan.FromSeconds(1) + TeamsSendSchedule.Margin, busyAgain);
        Assert.True(quietTaken);
        Assert.True(quietAt - Start < TimeSpan.FromSeconds(0.2), $"the quiet conversation waited until {quietAt - Start}");
    }

    /// <summary>Sends in order as fast as the schedule allows, the clock jumping to each answer; returns the send times.</summary>
    private static List<DateTimeOffset> Drain(TeamsSendSchedule schedule, IEnumerable<string> conversations)
    {
        var now = Start;
        var times = new List<DateTimeOffset>();
        foreach (var conversation in conversations)
        {
            while (true)
            {
                var (taken, at) = schedule.TryTake(conversation, now);
                Assert.True(at >= now);
                now = at;
                if (taken)
                {
                    times.Add(at);
                    break;
                }
            }
        }

        return times;
    }
}
