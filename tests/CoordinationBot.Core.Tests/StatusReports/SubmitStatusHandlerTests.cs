using CoordinationBot.Core.Agencies;
using CoordinationBot.Core.Plans;
using CoordinationBot.Core.Plans.Extraction;
using CoordinationBot.Core.Plans.Import;
using CoordinationBot.Core.StatusReports;
using CoordinationBot.Core.Tests.Plans;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace CoordinationBot.Core.Tests.StatusReports;

public sealed class SubmitStatusHandlerTests
{
    private static readonly Plan Plan = PlanExtractor.Default.Extract(PlanText.With("III. TỔ CHỨC THỰC HIỆN\n1. Sở Thông tin và Truyền thông\na) Chủ trì tập huấn.\nb) Phối hợp với Công an tỉnh bảo đảm an toàn."));
    private readonly Mock<IStatusReportStore> store = new();
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 6, 1, 3, 0, 0, TimeSpan.Zero));
    private readonly SubmitStatusHandler handler;

    public SubmitStatusHandlerTests()
    {
        var plans = new Mock<IPlanStore>();
        plans.Setup(p => p.GetAsync("p", 1, It.IsAny<CancellationToken>())).ReturnsAsync(new StoredPlan("p", 1, "h", "f", DateTimeOffset.UnixEpoch, null, Plan));
        store.Setup(s => s.GetRoundToReportAsync("r", It.IsAny<bool>(), It.IsAny<CancellationToken>())).ReturnsAsync(new StoredRound(new ReportingRound("r", "p", 1, ReportingPeriod.FirstHalf(2026), new DateOnly(2026, 6, 15), "f", DateTimeOffset.UnixEpoch, RoundState.Open, null), "1"));
        store.Setup(s => s.SaveReportsAsync(It.IsAny<IReadOnlyList<StatusReport>>(), It.IsAny<IReadOnlyDictionary<string, string?>>(), It.IsAny<string?>(), It.IsAny<string?>(), It.IsAny<CancellationToken>())).ReturnsAsync(ReportsSaved.All);
        handler = new SubmitStatusHandler(store.Object, plans.Object, new PlanReporters(AgencyRegistry.Default), time);
    }

    [Fact]
    public async Task ValidSubmission_ByTheSuccessorAgencysOfficer_IsSaved_WithControlCharactersRemoved()
    {
        var result = await Submit("Sở Khoa học và Công nghệ", Entry("III.1.a", result: "Đã tổ chức\u0007 2 lớp\nở 2 cơ sở"));

        Assert.Equal(SubmitOutcome.Saved, result.Outcome);
        store.Verify(s => s.SaveReportsAsync(It.Is<IReadOnlyList<StatusReport>>(r => r.Single().Result == "Đã tổ chức 2 lớp\nở 2 cơ sở" && r.Single().Agency == "Sở Thông tin và Truyền thông"), It.IsAny<IReadOnlyDictionary<string, string?>>(), It.IsAny<string?>(), It.IsAny<string?>(), It.IsAny<CancellationToken>()));
    }

    [Theory]
    [InlineData("Maybe", "50", "status")]
    [InlineData("7", "50", "status")]
    [InlineData("Done", "101", "percent")]
    [InlineData("Done", "-1", "percent")]
    [InlineData("Done", "abc", "percent")]
    [InlineData("Blocked", "10", "difficulties")]
    public async Task InvalidFields_AreRefused_AndNothingIsSaved(string status, string percent, string field)
    {
        var result = await Submit("Sở Thông tin và Truyền thông", Entry("III.1.a", status, percent));

        Assert.Equal(SubmitOutcome.Invalid, result.Outcome);
        Assert.Equal(field, Assert.Single(result.Errors).Field);
        store.Verify(s => s.SaveReportsAsync(It.IsAny<IReadOnlyList<StatusReport>>(), It.IsAny<IReadOnlyDictionary<string, string?>>(), It.IsAny<string?>(), It.IsAny<string?>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task TextOverTheCap_IsRefused()
    {
        var result = await Submit("Sở Thông tin và Truyền thông", Entry("III.1.a", result: new string('a', SubmitStatusHandler.MaxTextLength + 1)));

        Assert.Equal(FieldProblem.TooLong, Assert.Single(result.Errors).Problem);
    }

    [Fact]
    public async Task AfterTheDueDate_TheRoundRefusesReports()
    {
        time.Advance(TimeSpan.FromDays(15));

        Assert.Equal(SubmitProblem.RoundClosed, (await Submit("Sở Thông tin và Truyền thông", Entry("III.1.a"))).Problem);
    }

    [Fact]
    public async Task ASaveThatFails_IsTriedAgain_WhenTheInvokeIsRedelivered_WithTheSameActionId()
    {
        store.SetupSequence(s => s.SaveReportsAsync(It.IsAny<IReadOnlyList<StatusReport>>(), It.IsAny<IReadOnlyDictionary<string, string?>>(), It.IsAny<string?>(), It.IsAny<string?>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new IOException("storage down"))
            .ReturnsAsync(ReportsSaved.All);
        var request = new SubmitStatusRequest("r", "Sở Thông tin và Truyền thông", "Sở Thông tin và Truyền thông", "Cán bộ A", "invoke-1", [Entry("III.1.a")]);

        await Assert.ThrowsAsync<IOException>(() => handler.HandleAsync(request, default));

        Assert.Equal(SubmitOutcome.Saved, (await handler.HandleAsync(request, default)).Outcome);
        store.Verify(s => s.SaveReportsAsync(It.IsAny<IReadOnlyList<StatusReport>>(), It.IsAny<IReadOnlyDictionary<string, string?>>(), "invoke-1", It.IsAny<string?>(), It.IsAny<CancellationToken>()), Times.Exactly(2));
    }

    [Fact]
    public async Task AnInvokeTheStoreHandledBefore_IsADuplicate()
    {
        store.Setup(s => s.SaveReportsAsync(It.IsAny<IReadOnlyList<StatusReport>>(), It.IsAny<IReadOnlyDictionary<string, string?>>(), "invoke-1", It.IsAny<string?>(), It.IsAny<CancellationToken>())).ReturnsAsync(new ReportsSaved([], AlreadyHandled: true));

        var result = await handler.HandleAsync(new SubmitStatusRequest("r", "Sở Thông tin và Truyền thông", "Sở Thông tin và Truyền thông", "Cán bộ A", "invoke-1", [Entry("III.1.a")]), default);

        Assert.Equal(SubmitOutcome.Duplicate, result.Outcome);
    }

    [Theory]
    [InlineData("*")]
    [InlineData("")]
    [InlineData("W/\"datetime'*'\"")]
    [InlineData("\"0x8DC\"")]
    public async Task AnETagTheBotNeverIssues_IsRefused(string etag)
    {
        var entry = Entry("III.1.a") with { ExpectedETag = etag };

        Assert.Equal(SubmitProblem.CardTampered, (await Submit("Sở Thông tin và Truyền thông", entry)).Problem);
        store.Verify(s => s.SaveReportsAsync(It.IsAny<IReadOnlyList<StatusReport>>(), It.IsAny<IReadOnlyDictionary<string, string?>>(), It.IsAny<string?>(), It.IsAny<string?>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task ATaskNamedTwice_IsRefused_AndNothingIsSaved()
    {
        var result = await Submit("Sở Thông tin và Truyền thông", Entry("III.1.a"), Entry("III.1.a", result: "lần hai"));

        Assert.Equal(SubmitProblem.CardTampered, result.Problem);
        store.Verify(s => s.SaveReportsAsync(It.IsAny<IReadOnlyList<StatusReport>>(), It.IsAny<IReadOnlyDictionary<string, string?>>(), It.IsAny<string?>(), It.IsAny<string?>(), It.IsAny<CancellationToken>()), Times.Never());
    }

    [Fact]
    public async Task AnETagAsTableStorageIssuesIt_IsAccepted()
    {
        var entry = Entry("III.1.a") with { ExpectedETag = "W/\"datetime'2026-06-01T03%3A00%3A00.1234567Z'\"" };

        Assert.Equal(SubmitOutcome.Saved, (await Submit("Sở Thông tin và Truyền thông", entry)).Outcome);
    }

    [Theory]
    [InlineData("so thong tin va truyen thong")]
    [InlineData("SỞ THÔNG TIN VÀ TRUYỀN THÔNG")]
    [InlineData("Sở Thông tin\u200b và Truyền thông")]
    [InlineData("Sở TT&TT")]
    public async Task TheCardsAgency_SpelledOtherwise_IsRefused(string agency)
    {
        var result = await handler.HandleAsync(new SubmitStatusRequest("r", agency, "Sở Thông tin và Truyền thông", "Cán bộ A", "x", [Entry("III.1.a")]), default);

        Assert.Equal(SubmitProblem.NotYourAgency, result.Problem);
    }

    [Fact]
    public async Task ARoundChangedSinceThisInstanceReadIt_IsReadAgain_AndTheReportSavedRightAfter()
    {
        var open = new ReportingRound("r", "p", 1, ReportingPeriod.FirstHalf(2026), new DateOnly(2026, 6, 15), "f", DateTimeOffset.UnixEpoch, RoundState.Open, null);
        store.Setup(s => s.GetRoundToReportAsync("r", false, It.IsAny<CancellationToken>())).ReturnsAsync(new StoredRound(open with { Due = new DateOnly(2026, 6, 30) }, "3"));
        store.Setup(s => s.SaveReportsAsync(It.IsAny<IReadOnlyList<StatusReport>>(), It.IsAny<IReadOnlyDictionary<string, string?>>(), It.IsAny<string?>(), "1", It.IsAny<CancellationToken>())).ReturnsAsync(new ReportsSaved([]) { RoundChanged = true });

        var result = await Submit("Sở Thông tin và Truyền thông", Entry("III.1.a"));

        Assert.Equal(SubmitOutcome.Saved, result.Outcome);
        Assert.Equal(new DateOnly(2026, 6, 30), result.Round!.Due);
        store.Verify(s => s.GetRoundToReportAsync("r", false, It.IsAny<CancellationToken>()), Times.Once);
        store.Verify(s => s.SaveReportsAsync(It.IsAny<IReadOnlyList<StatusReport>>(), It.IsAny<IReadOnlyDictionary<string, string?>>(), It.IsAny<string?>(), null, It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task ARoundClosedSinceThisInstanceReadIt_RefusesTheReport()
    {
        var closed = new ReportingRound("r", "p", 1, ReportingPeriod.FirstHalf(2026), new DateOnly(2026, 6, 15), "f", DateTimeOffset.UnixEpoch, RoundState.Closed, null);
        store.Setup(s => s.GetRoundToReportAsync("r", false, It.IsAny<CancellationToken>())).ReturnsAsync(new StoredRound(closed, "2"));
        store.Setup(s => s.SaveReportsAsync(It.IsAny<IReadOnlyList<StatusReport>>(), It.IsAny<IReadOnlyDictionary<string, string?>>(), It.IsAny<string?>(), "1", It.IsAny<CancellationToken>())).ReturnsAsync(new ReportsSaved([]) { RoundChanged = true });

        Assert.Equal(SubmitProblem.RoundClosed, (await Submit("Sở Thông tin và Truyền thông", Entry("III.1.a"))).Problem);
        store.Verify(s => s.SaveReportsAsync(It.IsAny<IReadOnlyList<StatusReport>>(), It.IsAny<IReadOnlyDictionary<string, string?>>(), It.IsAny<string?>(), It.IsAny<string?>(), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task ARoundThisInstanceRemembersClosed_IsReadAgain_BeforeTheReportIsRefused()
    {
        var round = new ReportingRound("r", "p", 1, ReportingPeriod.FirstHalf(2026), new DateOnly(2026, 6, 15), "f", DateTimeOffset.UnixEpoch, RoundState.Closed, null);
        store.Setup(s => s.GetRoundToReportAsync("r", true, It.IsAny<CancellationToken>())).ReturnsAsync(new StoredRound(round, "2"));
        store.Setup(s => s.GetRoundToReportAsync("r", false, It.IsAny<CancellationToken>())).ReturnsAsync(new StoredRound(round with { State = RoundState.Open }, "3"));

        Assert.Equal(SubmitOutcome.Saved, (await Submit("Sở Thông tin và Truyền thông", Entry("III.1.a"))).Outcome);
        store.Verify(s => s.SaveReportsAsync(It.IsAny<IReadOnlyList<StatusReport>>(), It.IsAny<IReadOnlyDictionary<string, string?>>(), It.IsAny<string?>(), "3", It.IsAny<CancellationToken>()), Times.Once);
    }

    private Task<SubmitResult> Submit(string userAgency, params StatusEntry[] entries) =>
        handler.HandleAsync(new SubmitStatusRequest("r", "Sở Thông tin và Truyền thông", userAgency, "Cán bộ A", Guid.NewGuid().ToString(), entries), default);

    private static StatusEntry Entry(string task, string status = "Done", string percent = "100", string result = "ok") =>
        new(task, status, percent, result, string.Empty, string.Empty, null);
}
