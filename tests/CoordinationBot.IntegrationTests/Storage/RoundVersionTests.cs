using CoordinationBot.Core.StatusReports;
using CoordinationBot.IntegrationTests.Fixtures;
using CoordinationBot.Storage.StatusReports;

namespace CoordinationBot.IntegrationTests.Storage;

/// <summary>
/// Two instances of the bot on one storage: a report checked against the round as one instance remembers it is saved
/// only while the round still is that version and open, whatever the other instance changed meanwhile.
/// </summary>
[Collection(AzuriteGroup.Name)]
public sealed class RoundVersionTests
{
    private const string Agency = "Sở Y tế";
    private readonly TableStatusReportStore here;
    private readonly TableStatusReportStore there;
    private readonly CoordinationBot.Storage.Tables.StorageTables tables;

    public RoundVersionTests(AzuriteFixture azurite)
    {
        ArgumentNullException.ThrowIfNull(azurite);
        var prefix = AzuriteFixture.UniquePrefix();
        tables = azurite.CreateServiceClient(prefix);
        here = new TableStatusReportStore(tables, TimeProvider.System);
        there = new TableStatusReportStore(azurite.CreateServiceClient(prefix), TimeProvider.System);
    }

    [Fact]
    public async Task AReportCheckedAgainstTheRoundBeforeAnotherInstanceClosedIt_IsNotSaved_AndOneCheckedAfterItReopened_Is()
    {
        var round = Round("kh-1~2026-H1");
        Assert.True(await there.AddRoundAsync(round, default));
        var remembered = await here.GetRoundToReportAsync(round.Id, recent: true, default);

        await there.SaveRoundAsync(round with { State = RoundState.Closed }, "focal", "closed", default);
        var late = await here.SaveReportsAsync([Report(round.Id, "I.1")], New("I.1"), "late", remembered!.Version, default);

        Assert.True(late.RoundChanged);
        Assert.Empty(await here.GetAllReportsAsync(round.Id, default));
        // This instance still remembers the round open; only the save knows better. A fresh read sees it closed.
        Assert.Equal(RoundState.Open, (await here.GetRoundToReportAsync(round.Id, recent: true, default))!.Round.State);
        var fresh = await here.GetRoundToReportAsync(round.Id, recent: false, default);
        Assert.Equal((RoundState.Closed, "2"), (fresh!.Round.State, fresh.Version));
        Assert.True((await here.SaveReportsAsync([Report(round.Id, "I.1")], New("I.1"), "closed", fresh.Version, default)).RoundChanged);

        await there.SaveRoundAsync(round with { Due = round.Due.AddDays(10) }, "focal", "reopened", default);
        var reopened = await here.GetRoundToReportAsync(round.Id, recent: false, default);
        var saved = await here.SaveReportsAsync([Report(round.Id, "I.1")], New("I.1"), "on-time", reopened!.Version, default);

        Assert.Equal("3", reopened.Version);
        Assert.False(saved.RoundChanged);
        Assert.Single(saved.Stored);
        Assert.Single(await there.GetAllReportsAsync(round.Id, default));
        Assert.True((await here.SaveReportsAsync([Report(round.Id, "I.2")], New("I.2"), "stale", remembered.Version, default)).RoundChanged);
    }

    [Fact]
    public async Task OpeningARoundAgainThatWasClosed_IsRefused_AndDoesNotLetACopyOfItsFirstVersionThrough()
    {
        var round = Round("kh-5~2026-H1");
        await there.AddRoundAsync(round, default);
        var remembered = await here.GetRoundToReportAsync(round.Id, recent: true, default);
        await there.SaveRoundAsync(round with { State = RoundState.Closed }, "focal", "closed", default);

        Assert.False(await there.AddRoundAsync(round, default));

        Assert.True((await here.SaveReportsAsync([Report(round.Id, "I.1")], New("I.1"), "late", remembered!.Version, default)).RoundChanged);
    }

    [Fact]
    public async Task ARepeatedInvoke_IsStillADuplicate_NotAChangedRound()
    {
        var round = Round("kh-2~2026-H1");
        await here.AddRoundAsync(round, default);
        var version = (await here.GetRoundToReportAsync(round.Id, recent: true, default))!.Version;

        var first = await here.SaveReportsAsync([Report(round.Id, "I.1")], New("I.1"), "invoke-1", version, default);
        var again = await here.SaveReportsAsync([Report(round.Id, "I.1")], New("I.1"), "invoke-1", version, default);

        Assert.Equal((false, false), (first.AlreadyHandled, first.RoundChanged));
        Assert.Equal((true, false), (again.AlreadyHandled, again.RoundChanged));
    }

    [Fact]
    public async Task TwoInstancesChangingTheRoundAtOnce_BothLand_AtDistinctVersions_AndOnlyTheLastVersionTakesReports()
    {
        var round = Round("kh-3~2026-H1");
        await here.AddRoundAsync(round, default);

        await Task.WhenAll(
            here.SaveRoundAsync(round with { Due = round.Due.AddDays(5) }, "focal", "extended", default),
            there.SaveRoundAsync(round with { Due = round.Due.AddDays(9) }, "focal", "extended", default));

        var last = await there.GetRoundToReportAsync(round.Id, recent: false, default);
        Assert.Equal("3", last!.Version);
        foreach (var version in new[] { "1", "2" })
        {
            Assert.True((await here.SaveReportsAsync([Report(round.Id, "I." + version)], New("I." + version), "v" + version, version, default)).RoundChanged);
        }

        Assert.False((await here.SaveReportsAsync([Report(round.Id, "I.3")], New("I.3"), "v3", last.Version, default)).RoundChanged);
    }

    [Fact]
    public async Task ARoundStoredBeforeRoundsHadVersions_IsReadAfreshForEveryReport_UntilItsNextChangeGivesItOne()
    {
        var round = Round("kh-4~2026-H1");
        await tables.GetTable("rounds").UpsertAsync(
            new RoundEntity { PartitionKey = "round", RowKey = CoordinationBot.Storage.Tables.TableKey.Encode(round.Id), Round = System.Text.Json.JsonSerializer.Serialize(round, CoordinationBot.Storage.StorageJsonContext.Default.ReportingRound) },
            CoordinationBot.Storage.StorageJsonContext.Default.RoundEntity,
            default);

        var old = await here.GetRoundToReportAsync(round.Id, recent: true, default);
        var saved = await here.SaveReportsAsync([Report(round.Id, "I.1")], New("I.1"), "old", old!.Version, default);
        await here.SaveRoundAsync(round with { State = RoundState.Closed }, "focal", "closed", default);
        await here.SaveRoundAsync(round, "focal", "reopened", default);

        Assert.Null(old.Version);
        Assert.Single(saved.Stored);
        Assert.Equal("2", (await there.GetRoundToReportAsync(round.Id, recent: true, default))!.Version);
        Assert.True((await here.SaveReportsAsync([Report(round.Id, "I.2")], New("I.2"), "v1", "1", default)).RoundChanged);
    }

    private static ReportingRound Round(string id) =>
        new(id, id.Split('~')[0], 1, ReportingPeriod.FirstHalf(2026), DateOnly.FromDateTime(DateTime.UtcNow).AddDays(10), "focal", DateTimeOffset.UtcNow, RoundState.Open, null);

    private static StatusReport Report(string roundId, string task) =>
        new(roundId, Agency, task, ProgressStatus.Done, 100, "Xong " + task, string.Empty, string.Empty, "cán bộ", DateTimeOffset.UtcNow);

    private static Dictionary<string, string?> New(params string[] tasks) => tasks.ToDictionary(t => t, _ => (string?)null);
}
