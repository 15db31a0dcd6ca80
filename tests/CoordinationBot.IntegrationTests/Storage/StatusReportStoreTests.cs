using CoordinationBot.Core.StatusReports;
using CoordinationBot.IntegrationTests.Fixtures;
using CoordinationBot.Storage.StatusReports;

namespace CoordinationBot.IntegrationTests.Storage;

/// <summary>A submission's reports, their history and its handled mark are written together (entity group transactions).</summary>
[Collection(AzuriteGroup.Name)]
public sealed class StatusReportStoreTests(AzuriteFixture azurite)
{
    private const string Round = "kh-1~2026-H1";
    private readonly TableStatusReportStore store = new(azurite.CreateServiceClient(), TimeProvider.System);

    [Fact]
    public async Task AnActionSavedOnce_IsAlreadyHandled_TheSecondTime_AndChangesNothing()
    {
        var first = await store.SaveReportsAsync([Report("I.1", "Lần đầu")], New("I.1"), "invoke-1", null, default);
        var again = await store.SaveReportsAsync([Report("I.1", "Lần hai")], New("I.1"), "invoke-1", null, default);

        Assert.Equal((false, 0), (first.AlreadyHandled, first.Conflicts.Count));
        Assert.True(again.AlreadyHandled);
        Assert.Equal("Lần đầu", Assert.Single(await store.GetAllReportsAsync(Round, default)).Result);
    }

    [Fact]
    public async Task AStaleReport_IsNotSaved_TheOthersAre_AndTheActionStaysUnhandled()
    {
        await store.SaveReportsAsync([Report("I.1", "Của người khác")], New("I.1"), "other", null, default);

        var saved = await store.SaveReportsAsync([Report("I.1", "Của tôi"), Report("I.2", "Của tôi")], New("I.1", "I.2"), "mine", null, default);

        Assert.Equal(["I.1"], saved.Conflicts);
        var stored = (await store.GetReportsAsync(Round, "Sở Y tế", default)).ToDictionary(r => r.Report.TaskId, r => r.Report.Result);
        Assert.Equal(("Của người khác", "Của tôi"), (stored["I.1"], stored["I.2"]));
        var retried = await store.SaveReportsAsync([Report("I.1", "Của tôi")], new Dictionary<string, string?> { ["I.1"] = (await store.GetReportsAsync(Round, "Sở Y tế", default)).Single(r => r.Report.TaskId == "I.1").ETag }, "mine", null, default);
        Assert.False(retried.AlreadyHandled);
    }

    [Fact]
    public async Task ASubmissionLargerThanOneBatch_IsSavedWhole_WithOneHistoryEntryPerReport_AndIsMarkedHandled()
    {
        var reports = Enumerable.Range(1, 120).Select(i => Report("T." + i, "Kết quả " + i)).ToList();

        var saved = await store.SaveReportsAsync(reports, New([.. reports.Select(r => r.TaskId)]), "big", null, default);
        var again = await store.SaveReportsAsync(reports, New([.. reports.Select(r => r.TaskId)]), "big", null, default);

        Assert.Empty(saved.Conflicts);
        Assert.True(again.AlreadyHandled);
        var all = await store.GetAllReportsAsync(Round, default);
        Assert.Equal(120, all.Count);
        Assert.Equal(["Sở Y tế"], await store.ReportedAgenciesAsync(Round, default));
    }

    [Fact]
    public async Task ARoundOfManyAgencies_ReadInRangesSideBySide_GivesEveryReportOnce_InTheOrderOfOneQuery()
    {
        const string Wide = "kh-2~2026-Y";
        // Expected agencies, one whose name starts another's, and reporters nobody expected (before, between and after
        // them in key order): each range ends where the next begins, so every report falls in exactly one.
        var expected = Enumerable.Range(1, 40).Select(i => $"Ủy ban nhân dân xã {i:D2}").Append("Sở Y tế").Append("Sở Y tế tỉnh").ToList();
        string[] unexpected = ["0 Tổ công tác", "Ban Quản lý dự án", "Sở Y", "Văn phòng", "Ủy ban nhân dân xã 05 cũ", "Ấp Một"];
        foreach (var agency in expected.Concat(unexpected))
        {
            var reports = new[] { "I.1", "I.2", "II.1" }.Select(t => new StatusReport(Wide, agency, t, ProgressStatus.Done, 100, $"{agency} {t}", string.Empty, string.Empty, "cán bộ", DateTimeOffset.UtcNow)).ToList();
            await store.SaveReportsAsync(reports, reports.ToDictionary(r => r.TaskId, _ => (string?)null), "action-" + agency, null, default);
        }

        var inOne = await store.GetAllReportsAsync(Wide, default);
        var inRanges = await store.GetAllReportsAsync(Wide, default, expected);

        Assert.Equal((expected.Count + unexpected.Length) * 3, inOne.Count);
        Assert.Equal(inOne.Select(r => (r.Agency, r.TaskId)), inRanges.Select(r => (r.Agency, r.TaskId)));
        Assert.Equal(ReportRows.ReadRanges, ReportRows.Ranges(Wide, expected).Count);
    }

    private static StatusReport Report(string task, string result) =>
        new(Round, "Sở Y tế", task, ProgressStatus.InProgress, 50, result, string.Empty, string.Empty, "cán bộ", DateTimeOffset.UtcNow);

    private static Dictionary<string, string?> New(params string[] tasks) => tasks.ToDictionary(t => t, _ => (string?)null);
}
