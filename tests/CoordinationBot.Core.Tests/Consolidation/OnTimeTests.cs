using CoordinationBot.Core.Consolidation;
using CoordinationBot.Core.Plans;
using CoordinationBot.Core.StatusReports;

namespace CoordinationBot.Core.Tests.Consolidation;

public sealed class OnTimeTests
{
    private static readonly DateOnly Due = new(2026, 6, 30);

    private static PlanTask Task(string id, DateOnly? due) => new(id, "II", "Nhiệm vụ " + id, due, null, []);

    // 10:00 in Việt Nam on the given day.
    private static StatusReport Report(string agency, string task, ProgressStatus status, DateOnly on) =>
        new("r", agency, task, status, status == ProgressStatus.Done ? 100 : 50, "", "", "", "cán bộ", new DateTimeOffset(on.ToDateTime(new TimeOnly(3, 0)), TimeSpan.Zero));

    [Theory]
    [InlineData(null, "2026-07-10", OnTimeStatus.OverdueNotDone)]
    [InlineData(null, "2026-06-30", OnTimeStatus.NotStarted)]
    [InlineData("InProgress", "2026-06-01", OnTimeStatus.InProgressOnTime)]
    [InlineData("InProgress", "2026-07-01", OnTimeStatus.OverdueNotDone)]
    [InlineData("Blocked", "2026-07-01", OnTimeStatus.OverdueNotDone)]
    [InlineData("NotStarted", "2026-06-01", OnTimeStatus.NotStarted)]
    public void APartNotDone_IsOverdueOnlyAfterItsDueDay(string? status, string asOf, OnTimeStatus expected)
    {
        var report = status is null ? null : Report("Sở Y tế", "1", Enum.Parse<ProgressStatus>(status), new DateOnly(2026, 5, 1));

        Assert.Equal(expected, OnTime.Of(Task("1", Due), report, DateOnly.Parse(asOf, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void ADonePart_IsOnTimeWhenReportedDoneByItsDueDay_InVietnamTime_AndATaskWithoutDueIsNeverLate()
    {
        var asOf = new DateOnly(2026, 12, 1);
        Assert.Equal(OnTimeStatus.DoneOnTime, OnTime.Of(Task("1", Due), Report("A", "1", ProgressStatus.Done, Due), asOf));
        Assert.Equal(OnTimeStatus.DoneLate, OnTime.Of(Task("1", Due), Report("A", "1", ProgressStatus.Done, Due.AddDays(1)), asOf));
        // 23:30 on 30/6 UTC is 06:30 on 1/7 in Việt Nam: late.
        var lateNight = Report("A", "1", ProgressStatus.Done, Due) with { SubmittedAt = new DateTimeOffset(2026, 6, 30, 23, 30, 0, TimeSpan.Zero) };
        Assert.Equal(OnTimeStatus.DoneLate, OnTime.Of(Task("1", Due), lateNight, asOf));
        Assert.Equal(OnTimeStatus.NotStarted, OnTime.Of(Task("2", null), null, asOf));
        Assert.Equal(OnTimeStatus.DoneOnTime, OnTime.Of(Task("2", null), Report("A", "2", ProgressStatus.Done, asOf), asOf));
    }

    [Fact]
    public void Agencies_AreRankedByTheShareOfTheirPartsNotLate_ThenByPartsDoneOnTime_TiesShareARank()
    {
        var asOf = new DateOnly(2026, 7, 15);
        var one = Task("1", Due);
        var two = Task("2", new DateOnly(2026, 12, 31));
        var tasks = new[]
        {
            new TaskProgress(one, [("Sở Y tế", Role.Lead, Report("Sở Y tế", "1", ProgressStatus.Done, Due)), ("Sở Tư pháp", Role.Support, null), ("Sở Nội vụ", Role.Support, Report("Sở Nội vụ", "1", ProgressStatus.Done, Due))]),
            new TaskProgress(two, [("Sở Y tế", Role.Lead, null), ("Sở Nội vụ", Role.Support, null), ("Sở Tư pháp", Role.Support, Report("Sở Tư pháp", "2", ProgressStatus.Done, asOf))]),
        };

        var standings = OnTime.Standings(tasks, asOf);

        Assert.Equal([("Sở Nội vụ", 1), ("Sở Y tế", 1), ("Sở Tư pháp", 3)], standings.Select(s => (s.Agency, s.Rank)));
        Assert.Equal(0.5, standings[2].OnTimeRate);
        Assert.Equal(1, standings[2].Counts[OnTimeStatus.OverdueNotDone]);
        Assert.Equal(2, standings[0].Parts);
    }
}
