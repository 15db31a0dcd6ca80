using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CoordinationBot.Core.StatusReports;
using CoordinationBot.Host.Features.Reminders;
using CoordinationBot.IntegrationTests.Fixtures;
using CoordinationBot.Storage.StatusReports;
using CoordinationBot.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CoordinationBot.IntegrationTests.Bot;

/// <summary>Reminders before and on the due date, and the focal agency's overdue digest, on a clock the test moves.</summary>
[Collection(AzuriteGroup.Name)]
public sealed class ReminderTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const string Focal = "00000000-0000-0000-0000-0000000000f0";
    private const string ForeignOfficer = "00000000-0000-0000-0000-0000000000a2";
    private const string FinanceOfficer = "00000000-0000-0000-0000-0000000000b1";
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 12, 14, 1, 0, 0, TimeSpan.Zero));
    private BotTestContext context = null!;

    public async Task InitializeAsync()
    {
        context = await BotTestContext.StartAsync(azurite, new BotHostSettings(
            Importers: [Focal],
            Directory: new Dictionary<string, string> { [ForeignOfficer] = "Sở Ngoại vụ", [FinanceOfficer] = "Sở Tài chính", [Focal] = "Văn phòng Ủy ban nhân dân tỉnh" },
            Clock: clock));
        await Conversation.ImportSeedPlanAsync(context, Focal);

        await Conversation.InstallAsync(context, (ForeignOfficer, "a:foreign"), (FinanceOfficer, "a:finance"), (Focal, "a:focal"));

        var message = TeamsActivities.Message(context.Connector.ServiceUrl, "yêu cầu báo cáo kế hoạch đối ngoại nhân dân năm 2026", conversationId: "a:focal");
        message["from"] = new JsonObject { ["id"] = "29:focal", ["aadObjectId"] = Focal };
        await context.Client.PostAsJsonAsync("/api/messages", message);
        await WaitForAsync(r => r.Activity?.Conversation?.Id is "a:finance" or "a:foreign" && r.Activity.Attachments is { Count: > 0 } && r.Activity.Summary!.StartsWith("Báo cáo tiến độ", StringComparison.Ordinal), 2);
    }

    public async Task DisposeAsync() => await context.DisposeAsync();

    [Fact]
    public async Task TheDayBeforeTheDueDate_OnlyAgenciesThatHaveNotReported_AreReminded_Once()
    {
        var store = context.Host.Services.GetRequiredService<IStatusReportStore>();
        var roundId = "kh-2026-thuc-hien-chuong-trinh-hanh-dong-so-18-ctr-tu-ngay-1-eda8b0b041c3b260~2026-Y";
        Assert.Equal(new DateOnly(2026, 12, 15), (await store.GetRoundAsync(roundId, default))!.Due);
        await store.SaveReportsAsync([new StatusReport(roundId, "Sở Tài chính", "IV.4.a", ProgressStatus.Done, 100, "Xong", "", "", "cán bộ", clock.GetUtcNow())], new Dictionary<string, string?> { ["IV.4.a"] = null }, null, null, default);
        var scheduler = context.Host.Services.GetRequiredService<ReminderScheduler>();
        context.Connector.Requests.Clear();

        var first = await scheduler.RunOnceAsync(default);
        var again = await scheduler.RunOnceAsync(default);

        // Sở Ngoại vụ, and Văn phòng UBND tỉnh as one of the "sở, ban, ngành" the plan gives tasks III and IV.1 to.
        Assert.Equal(2, first);
        Assert.Equal(0, again);
        var reminders = await WaitForAsync(r => r.Activity?.Conversation?.Id is "a:foreign" or "a:focal" && r.Activity.Summary!.StartsWith("Nhắc", StringComparison.Ordinal), 2);
        Assert.Equal(["a:focal", "a:foreign"], reminders.Select(r => r.Activity!.Conversation!.Id).Order());
        Assert.All(reminders, r => Assert.StartsWith("Nhắc hạn: còn 1 ngày đến hạn báo cáo (15/12/2026)", r.Activity!.Summary, StringComparison.Ordinal));
        await Task.Delay(1500);
        Assert.True(!context.Connector.Requests.Any(r => r.Activity?.Conversation?.Id == "a:finance"), string.Join("\n", context.Connector.Requests.Select(r => r.Path + " " + r.Activity?.Summary)));
    }

    [Fact]
    public async Task TheDayAfterTheDueDate_ThePlansFocalAgencyGetsTheListOfAgenciesStillMissing_NotWhoeverOpenedTheRound()
    {
        clock.Advance(TimeSpan.FromDays(2));
        context.Connector.Requests.Clear();

        var queued = await context.Host.Services.GetRequiredService<ReminderScheduler>().RunOnceAsync(default);

        // The plan's focal agency is Sở Ngoại vụ (its officer's chat is a:foreign); the administrator who opened the
        // round works for another agency and is not given the list (its agency, late too, is told it is overdue).
        Assert.True(queued >= 1, $"{queued} queued");
        var digest = await WaitForAsync(r => r.Activity?.Conversation?.Id == "a:foreign" && r.Activity.Summary!.StartsWith("Đợt báo cáo", StringComparison.Ordinal), 1);
        var text = digest[0].Activity!.Summary!;
        Assert.Contains("đã quá hạn 15/12/2026", text, StringComparison.Ordinal);
        Assert.Contains("Sở Ngoại vụ", text, StringComparison.Ordinal);
        Assert.Contains("Sở Tài chính", text, StringComparison.Ordinal);
        await WaitForAsync(r => r.Activity?.Conversation?.Id == "a:focal" && r.Activity.Summary!.StartsWith("Quá hạn báo cáo: Văn phòng Ủy ban nhân dân tỉnh", StringComparison.Ordinal), 1);
        Assert.DoesNotContain(context.Connector.Requests, r => r.Activity?.Conversation?.Id == "a:focal" && r.Activity.Summary!.StartsWith("Đợt báo cáo", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TheReminderLease_IsHeldByOneInstanceAtATime()
    {
        var blob = new Azure.Storage.Blobs.BlobServiceClient(azurite.ConnectionString).GetBlobContainerClient("lease-test-" + Guid.NewGuid().ToString("N")[..8]).GetBlobClient("reminders");
        var one = new BlobSingletonLease(blob);
        var two = new BlobSingletonLease(blob);

        Assert.True(await one.TryAcquireAsync(TimeSpan.FromSeconds(15), default));
        Assert.False(await two.TryAcquireAsync(TimeSpan.FromSeconds(15), default));
        Assert.True(await one.TryAcquireAsync(TimeSpan.FromSeconds(15), default));
    }

    private Task<List<RecordedRequest>> WaitForAsync(Func<RecordedRequest, bool> match, int count) => Conversation.WaitForAsync(context.Connector, match, count);
}
