using CoordinationBot.Core.StatusReports;
using CoordinationBot.IntegrationTests.Fixtures;
using CoordinationBot.Storage.StatusReports;
using CoordinationBot.Storage.Tables;

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

    [Fact]
    public async Task SubmissionsOfOneRoundArrivingTogether_ShareBatches_AndEachGetsItsOwnOutcome()
    {
        const string Busy = "kh-3~2026-Y";
        var counter = new StorageRequestCounter();
        var options = StorageTables.DefaultClientOptions();
        options.AddPolicy(counter, Azure.Core.HttpPipelinePosition.PerCall);
        var counted = new TableStatusReportStore(new StorageTables(new TableStorageOptions { ConnectionString = azurite.ConnectionString, TablePrefix = AzuriteFixture.UniquePrefix() }, options), TimeProvider.System);
        // Agency 0's first task was reported by someone else meanwhile: its submission conflicts on that report alone.
        await counted.SaveReportsAsync([Of(Busy, 0, "I.1", "Của người khác")], New("I.1"), "earlier", null, default);
        // Sixty agencies press Gửi at once; agency 7's invoke arrives twice; five submissions were checked against a
        // version of the round that is no longer open.
        List<(int Agency, string Action, string? Version)> submissions =
            [.. Enumerable.Range(0, 60).Select(i => (i, $"action-{i}", (string?)null)), (7, "action-7", null), .. Enumerable.Range(60, 5).Select(i => (i, $"action-{i}", (string?)"99"))];
        counter.Clear();

        var outcomes = await Task.WhenAll(submissions.Select(s => Task.Run(() => counted.SaveReportsAsync([Of(Busy, s.Agency, "I.1", "Của tôi"), Of(Busy, s.Agency, "I.2", "Của tôi")], New("I.1", "I.2"), s.Action, s.Version, default))));

        Assert.True(counter.Count < submissions.Count / 2, $"{counter.Count} requests for {submissions.Count} submissions");
        Assert.Equal(["I.1"], outcomes[0].Conflicts);
        Assert.Equal(["I.2"], outcomes[0].Stored.Select(r => r.Report.TaskId));
        Assert.All(Enumerable.Range(1, 59).Where(i => i != 7), i => Assert.Equal((0, 2, false), (outcomes[i].Conflicts.Count, outcomes[i].Stored.Count, outcomes[i].AlreadyHandled)));
        Assert.Equal([false, true], new[] { outcomes[7].AlreadyHandled, outcomes[60].AlreadyHandled }.Order());
        Assert.All(outcomes[61..], o => Assert.Equal((true, 0), (o.RoundChanged, o.Stored.Count)));
        var stored = await counted.GetAllReportsAsync(Busy, default);
        Assert.Equal(120, stored.Count);
        Assert.Equal("Của người khác", stored.Single(r => r is { Agency: "Phòng 0", TaskId: "I.1" }).Result);
        Assert.DoesNotContain(stored, r => r.Agency == "Phòng 60");
        // Agency 0's action stays unhandled: sent again against the version it now sees, it is saved.
        var current = (await counted.GetReportsAsync(Busy, "Phòng 0", default)).Single(r => r.Report.TaskId == "I.1").ETag;
        var again = await counted.SaveReportsAsync([Of(Busy, 0, "I.1", "Của tôi")], new Dictionary<string, string?> { ["I.1"] = current }, "action-0", null, default);
        Assert.Equal((false, 1), (again.AlreadyHandled, again.Stored.Count));
    }

    [Fact]
    public async Task ASubmissionThatCannotBeStored_FailsOnItsOwn_AndTheOthersWaitingWithItAreSaved()
    {
        const string Mixed = "kh-4~2026-Y";
        // A text longer than a table property holds (the card refuses past 4,000 characters; the store is the last
        // line) fails its batch without naming a change: the parts waiting with it are sent again one by one, and
        // only its own save fails.
        var saves = Enumerable.Range(0, 20).Select(i => Task.Run(() => store.SaveReportsAsync([Of(Mixed, i, "I.1", i == 5 ? new string('x', 40_000) : "Của tôi")], New("I.1"), $"mixed-{i}", null, default))).ToList();

        await Assert.ThrowsAsync<ArgumentException>(() => saves[5]);
        Assert.All(saves.Where((_, i) => i != 5), s => Assert.Single(s.Result.Stored));
        Assert.Equal(19, (await store.GetAllReportsAsync(Mixed, default)).Count);
    }

    private static StatusReport Of(string round, int agency, string task, string result) =>
        new(round, $"Phòng {agency}", task, ProgressStatus.InProgress, 50, result, string.Empty, string.Empty, "cán bộ", DateTimeOffset.UtcNow);

    private static StatusReport Report(string task, string result) =>
        new(Round, "Sở Y tế", task, ProgressStatus.InProgress, 50, result, string.Empty, string.Empty, "cán bộ", DateTimeOffset.UtcNow);

    private static Dictionary<string, string?> New(params string[] tasks) => tasks.ToDictionary(t => t, _ => (string?)null);
}
