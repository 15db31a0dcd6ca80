using CoordinationBot.Core.Plans.Extraction;
using CoordinationBot.Core.Reminders;
using CoordinationBot.Core.StatusReports;
using CoordinationBot.Core.Tests.Plans;

namespace CoordinationBot.Core.Tests.StatusReports;

public sealed class ReportingPeriodTests
{
    private static readonly DateOnly Today = new(2026, 3, 10);

    [Theory]
    [InlineData("6 tháng đầu năm 2026", PeriodKind.FirstHalf, "2025-12-15", "2026-06-14")]
    [InlineData("6 thang 2026", PeriodKind.FirstHalf, "2025-12-15", "2026-06-14")]
    [InlineData("năm 2025", PeriodKind.Year, "2024-12-15", "2025-12-14")]
    [InlineData("đột xuất", PeriodKind.AdHoc, "2025-12-15", "2026-03-10")]
    public void Parse_ReadsThePeriod_WithTheDataWindowOfDecree09(string text, PeriodKind kind, string from, string to)
    {
        var period = ReportingPeriod.Parse(text, Today)!;

        Assert.Equal(kind, period.Kind);
        Assert.Equal(DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture), period.DataFrom);
        Assert.Equal(DateOnly.Parse(to, System.Globalization.CultureInfo.InvariantCulture), period.DataTo);
    }

    [Fact]
    public void DefaultDue_IsThePlansOwnDateInThePeriod_ElseTheDayAfterTheCutOff()
    {
        var withDates = PlanExtractor.Default.Extract(PlanText.With("III. TỔ CHỨC THỰC HIỆN\n1. Sở Tư pháp\na) Rà soát; báo cáo kết quả về Sở Nội vụ trước ngày 20 tháng 5 năm 2026 để tổng hợp."));
        var without = PlanExtractor.Default.Extract(PlanText.With("III. TỔ CHỨC THỰC HIỆN\n1. Sở Tư pháp\na) Rà soát."));

        Assert.Equal(new DateOnly(2026, 5, 20), OpenRoundHandler.DefaultDue(withDates, ReportingPeriod.FirstHalf(2026), Today));
        Assert.Equal(new DateOnly(2026, 6, 15), OpenRoundHandler.DefaultDue(without, ReportingPeriod.FirstHalf(2026), Today));
        Assert.Equal(Today.AddDays(7), OpenRoundHandler.DefaultDue(without, ReportingPeriod.AdHoc(Today), Today));
    }

    [Fact]
    public void TheDueDate_SaysWhichRuleGaveIt_AlsoWhenThePlansDateHasPassed()
    {
        var withDates = PlanExtractor.Default.Extract(PlanText.With("III. TỔ CHỨC THỰC HIỆN\n1. Sở Tư pháp\na) Rà soát; báo cáo kết quả về Sở Nội vụ trước ngày 20 tháng 5 năm 2026 để tổng hợp."));
        var without = PlanExtractor.Default.Extract(PlanText.With("III. TỔ CHỨC THỰC HIỆN\n1. Sở Tư pháp\na) Rà soát."));
        var half = ReportingPeriod.FirstHalf(2026);

        Assert.Equal((new DateOnly(2026, 5, 20), DueSource.PlanDate), OpenRoundHandler.ChooseDue(withDates, half, Today));
        Assert.Equal((new DateOnly(2026, 6, 15), DueSource.PlanDatePassedDayAfterCutoff), OpenRoundHandler.ChooseDue(withDates, half, new DateOnly(2026, 5, 25)));
        Assert.Equal((new DateOnly(2026, 6, 27), DueSource.PlanDatePassedWeekFromToday), OpenRoundHandler.ChooseDue(withDates, half, new DateOnly(2026, 6, 20)));
        Assert.Equal((new DateOnly(2026, 6, 15), DueSource.DayAfterCutoff), OpenRoundHandler.ChooseDue(without, half, Today));
        Assert.Equal((new DateOnly(2026, 6, 27), DueSource.WeekFromToday), OpenRoundHandler.ChooseDue(without, half, new DateOnly(2026, 6, 20)));
    }

    [Theory]
    [InlineData("2026-06-12", false, 3)]
    [InlineData("2026-06-14", false, 1)]
    [InlineData("2026-06-15", false, 0)]
    [InlineData("2026-06-16", true, -1)]
    public void Reminders_GoBeforeAndOnTheDueDate_AndTheDigestTheDayAfter(string today, bool digest, int daysLeft)
    {
        var round = new ReportingRound("r", "p", 1, ReportingPeriod.FirstHalf(2026), new DateOnly(2026, 6, 15), "f", DateTimeOffset.UnixEpoch, RoundState.Open, null);

        var decision = ReminderPlanner.Decide(round, ["Sở A"], DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture), [3, 1]);

        Assert.Equal(["Sở A"], decision.Missing);
        Assert.Equal(digest, decision.Digest);
        Assert.Equal(daysLeft, decision.DaysLeft);
    }

    [Fact]
    public void NoReminder_OnOtherDays_OrWhenEveryoneReported()
    {
        var round = new ReportingRound("r", "p", 1, ReportingPeriod.FirstHalf(2026), new DateOnly(2026, 6, 15), "f", DateTimeOffset.UnixEpoch, RoundState.Open, null);

        Assert.Empty(ReminderPlanner.Decide(round, ["Sở A"], new DateOnly(2026, 6, 13), [3, 1]).Missing);
        Assert.Empty(ReminderPlanner.Decide(round, [], new DateOnly(2026, 6, 14), [3, 1]).Missing);
    }

    [Theory]
    [InlineData("2026-06-13", null, false, false)]
    [InlineData("2026-06-16", null, true, false)]
    [InlineData("2026-06-17", null, true, false)]
    [InlineData("2026-06-18", null, true, true)]
    [InlineData("2026-06-20", null, false, true)]
    [InlineData("2026-06-21", null, false, false)]
    [InlineData("2026-06-20", 5, false, true)]
    [InlineData("2026-06-18", 5, true, false)]
    [InlineData("2026-06-16", 1, true, true)]
    public void FromTheDayAfterTheDueDate_LateAgenciesAreEscalated_AndAfterTheRoundsDays_AskedToExplain(string today, int? explainAfter, bool escalate, bool explain)
    {
        var round = new ReportingRound("r", "p", 1, ReportingPeriod.FirstHalf(2026), new DateOnly(2026, 6, 15), "f", DateTimeOffset.UnixEpoch, RoundState.Open, null, ExplainAfterDays: explainAfter);

        var decision = ReminderPlanner.Decide(round, ["Sở A"], DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture), [3, 1]);

        Assert.Equal((escalate, explain), (decision.Escalate, decision.AskExplanation));
        Assert.Equal(escalate || explain ? ["Sở A"] : [], decision.Missing);
        Assert.Equal(today == "2026-06-16", decision.Digest);
    }

    [Theory]
    [InlineData("Giám đốc", "Sở Tài chính", true)]
    [InlineData("Phó Giám đốc Sở", "Sở Tài chính", true)]
    [InlineData("PHÓ CHÁNH VĂN PHÒNG", "Văn phòng Ủy ban nhân dân tỉnh", true)]
    [InlineData("Chủ tịch UBND xã", "Ủy ban nhân dân xã", true)]
    [InlineData("Chuyên viên", "Sở Tài chính", false)]
    [InlineData("Trưởng phòng Kế hoạch - Tài chính", "Sở Tài chính", false)]
    [InlineData("Trưởng phòng", "Phòng Kinh tế", true)]
    [InlineData("Giám định viên", "Sở Tư pháp", false)]
    [InlineData(null, "Sở Tài chính", false)]
    public void ALeader_IsKnownByTheJobTitle(string? title, string agency, bool leader) =>
        Assert.Equal(leader, CoordinationBot.Core.Escalation.LeaderTitles.IsLeader(title, agency));

    [Theory]
    [InlineData("yêu cầu báo cáo kế hoạch 21/KH-UBND giải trình sau 5 ngày", 5, "yêu cầu báo cáo kế hoạch 21/KH-UBND")]
    [InlineData("yeu cau bao cao ke hoach 21 giai trinh sau 10 ngay han 20/12/2026", 10, "yeu cau bao cao ke hoach 21 han 20/12/2026")]
    [InlineData("yêu cầu báo cáo kế hoạch 21/KH-UBND", null, "yêu cầu báo cáo kế hoạch 21/KH-UBND")]
    public void TheDaysForExplanations_AreReadFromTheCommand_AndLeaveThePlansName(string text, int? days, string others)
    {
        Assert.Equal((days, others), CoordinationBot.Core.Escalation.ExplainAfter.Read(text));
    }
}
