using CoordinationBot.Core.Board;
using CoordinationBot.Core.Consolidation;
using CoordinationBot.Core.Plans;
using CoordinationBot.Core.StatusReports;

namespace CoordinationBot.Core.Tests.Board;

public sealed class ProgressBoardTests
{
    private static readonly DateOnly Today = new(2026, 12, 2);

    [Fact]
    public void ATaskLedByAGroup_ShowsTheGroupAsItsLead_NotTheFirstAgencyOfIt()
    {
        var board = ProgressBoard.From(Summary(), Round(BoardScope.All), null, string.Equals);

        Assert.Equal("Các sở, ban, ngành", Assert.Single(board.Tasks, t => t.Id == "1").Lead);
        Assert.Equal("Sở Tài chính; Sở Nội vụ", Assert.Single(board.Tasks, t => t.Id == "2").Lead);
    }

    [Fact]
    public void TheWholeRound_CountsEveryPartOnce_ByAgencyStatusAndTime()
    {
        var board = ProgressBoard.From(Summary(), Round(BoardScope.All), null, string.Equals);

        Assert.Equal(
            [("Sở Nội vụ", 2, 2, 0), ("Sở Tài chính", 2, 1, 2), ("Sở Y tế", 1, 0, 1)],
            board.Agencies.Select(a => (a.Agency, a.Expected, a.Reported, a.Late)).OrderBy(a => a.Agency, StringComparer.Ordinal));
        Assert.Equal(5, board.OnTimeCounts.Values.Sum());
        Assert.Equal(3, board.OnTimeCounts[OnTimeStatus.OverdueNotDone]);
        Assert.Equal(3, board.StatusCounts.Values.Sum());
        Assert.Equal((OnTimeStatus.OverdueNotDone, 100), (board.Tasks[0].OnTime, board.Tasks[0].Percent));
    }

    [Fact]
    public void OneAgencysBoard_HoldsOnlyItsParts_AndItsOwnState()
    {
        var board = ProgressBoard.From(Summary(), Round(BoardScope.Of("Sở Y tế")), "Sở Y tế", string.Equals);

        Assert.Equal("Sở Y tế", Assert.Single(board.Agencies).Agency);
        var task = Assert.Single(board.Tasks);
        Assert.Equal(("1", null, OnTimeStatus.OverdueNotDone, 0), (task.Id, task.Status, task.OnTime, task.Percent));
        Assert.Equal(1, board.OnTimeCounts.Values.Sum());
        Assert.Empty(board.Difficulties);
    }

    private static ConsolidationSummary Summary()
    {
        var due = Today.AddDays(-5);
        var first = new PlanTask("1", "I", "Số hóa hồ sơ", due, null, [new Assignment("Các sở, ban, ngành", Role.Lead, AssignmentSource.Heading)]);
        var second = new PlanTask("2", "I", "Tập huấn", due, null, [new Assignment("Sở Tài chính", Role.Lead, AssignmentSource.Heading), new Assignment("Sở Nội vụ", Role.Lead, AssignmentSource.Heading)]);
        var plan = new Plan("KH", "1/KH-UBND", "UBND tỉnh", null, 2026, "Thử", [], "Sở Nội vụ", [], [first, second], []);
        var round = new ReportingRound("r", "1-kh-ubnd", 1, ReportingPeriod.WholeYear(2026), due, "aad", DateTimeOffset.UnixEpoch, RoundState.Open, null, "t");
        StatusReport Report(string agency, string task, ProgressStatus status, int percent) =>
            new("r", agency, task, status, percent, "Đã làm", status == ProgressStatus.Blocked ? "Thiếu kinh phí" : string.Empty, string.Empty, agency, new DateTimeOffset(due.AddDays(-1), TimeOnly.MinValue, TimeSpan.Zero));
        var tasks = new List<TaskProgress>
        {
            new(first, [("Sở Nội vụ", Role.Lead, Report("Sở Nội vụ", "1", ProgressStatus.Done, 100)), ("Sở Tài chính", Role.Lead, null), ("Sở Y tế", Role.Lead, null)]),
            new(second, [("Sở Tài chính", Role.Lead, Report("Sở Tài chính", "2", ProgressStatus.Blocked, 30)), ("Sở Nội vụ", Role.Lead, Report("Sở Nội vụ", "2", ProgressStatus.Done, 100))]),
        };
        var counts = Enum.GetValues<ProgressStatus>().ToDictionary(s => s, s => tasks.SelectMany(t => t.Agencies).Count(a => a.Report?.Status == s));
        return new ConsolidationSummary(round, plan, ["Sở Nội vụ", "Sở Tài chính", "Sở Y tế"], ["Sở Nội vụ", "Sở Tài chính"], ["Sở Y tế"], counts, tasks,
            [new AgencyNote("Sở Tài chính", "2", "Thiếu kinh phí")], [], AsOfDay: Today);
    }

    private static BoardRound Round(BoardScope scope) => new("r", "1-kh-ubnd", "1/KH-UBND", "Thử", "năm 2026", Today.AddDays(-5), true, DateTimeOffset.UnixEpoch, scope);
}
