using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CoordinationBot.Core.StatusReports;
using CoordinationBot.IntegrationTests.Fixtures;
using Microsoft.Extensions.DependencyInjection;

namespace CoordinationBot.IntegrationTests.Bot;

/// <summary>
/// Drafts and carry-forward (issue 17 item 3), over the wire on Azurite: "Lưu nháp" keeps a partly filled card for the
/// agency only; "Lấy nội dung kỳ trước" fills the card from the agency's report in the plan's earlier round.
/// </summary>
[Collection(AzuriteGroup.Name)]
public sealed class DraftTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const string Focal = "00000000-0000-0000-0000-0000000000f0";
    private const string FinanceOfficer = "00000000-0000-0000-0000-0000000000b1";
    private const string HealthOfficer = "00000000-0000-0000-0000-0000000000c1";
    private BotTestContext context = null!;
    private string planKey = null!;

    public async Task InitializeAsync()
    {
        context = await BotTestContext.StartAsync(azurite, new BotHostSettings(
            Importers: [Focal],
            Directory: new Dictionary<string, string> { [Focal] = "Sở Ngoại vụ", [FinanceOfficer] = "Sở Tài chính", [HealthOfficer] = "Sở Y tế" }));
        planKey = (await Conversation.ImportSeedPlanAsync(context, Focal)).Key;
        await Conversation.InstallAsync(context, (FinanceOfficer, "a:finance"));
    }

    public async Task DisposeAsync() => await context.DisposeAsync();

    [Fact]
    public async Task ADraft_IsKeptForTheAgencyOnly_UntilTheReportIsSent()
    {
        var card = await OpenAsync("năm 2026");
        var inputs = StatusCardForms.Inputs(card, "InProgress", string.Empty, "Đang tổng hợp số liệu kinh phí");

        var kept = await PressAsync("report.draft", inputs, FinanceOfficer);
        Assert.StartsWith("Đã lưu nháp lúc", StatusCardForms.NoteOf(kept), StringComparison.Ordinal);
        Assert.Contains("Đang tổng hợp số liệu kinh phí", kept.ToJsonString(Unescaped), StringComparison.Ordinal);

        // The focal agency sees nothing of it; the agency's officers find it on their card.
        var summary = (await Conversation.SayAsync(context, Focal, "a:focal", "tổng hợp kế hoạch đối ngoại nhân dân năm 2026")).Attachments![0].Content!.AsObject();
        Assert.DoesNotContain("Đang tổng hợp số liệu kinh phí", summary.ToJsonString(Unescaped), StringComparison.Ordinal);
        Assert.StartsWith("0/", summary["body"]![1]!["facts"]![1]!["value"]!.GetValue<string>(), StringComparison.Ordinal);
        var mine = (await Conversation.SayAsync(context, FinanceOfficer, "a:finance", "phiếu báo cáo")).Attachments![0].Content!.AsObject();
        Assert.Contains("Bản nháp lưu lúc", mine.ToJsonString(Unescaped), StringComparison.Ordinal);
        Assert.Contains("Đang tổng hợp số liệu kinh phí", mine.ToJsonString(Unescaped), StringComparison.Ordinal);

        // Sent: the report is stored; the draft no longer shows.
        var sent = await PressAsync("report.save", StatusCardForms.Inputs(mine, "InProgress", "30", "Đã tổng hợp số liệu kinh phí"), FinanceOfficer);
        Assert.StartsWith("Đã ghi nhận lúc", StatusCardForms.NoteOf(sent), StringComparison.Ordinal);
        var after = (await Conversation.SayAsync(context, FinanceOfficer, "a:finance", "phiếu báo cáo")).Attachments![0].Content!.AsObject();
        Assert.DoesNotContain("Bản nháp", after.ToJsonString(Unescaped), StringComparison.Ordinal);
        Assert.Contains("Đã tổng hợp số liệu kinh phí", after.ToJsonString(Unescaped), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ABadDraft_ComesBackAsTyped_AndAnotherAgencysDraft_IsRefused_NothingKept()
    {
        var card = await OpenAsync("năm 2026");

        var invalid = await PressAsync("report.draft", StatusCardForms.Inputs(card, "InProgress", "150", "Số liệu tạm"), FinanceOfficer);
        var foreign = await PressAsync("report.draft", StatusCardForms.Inputs(card, "InProgress", "10", "Không phải của tôi"), HealthOfficer);

        Assert.StartsWith("Chưa lưu được bản nháp", StatusCardForms.NoteOf(invalid), StringComparison.Ordinal);
        Assert.Contains("Số liệu tạm", invalid.ToJsonString(Unescaped), StringComparison.Ordinal);
        Assert.Contains("không thuộc", StatusCardForms.NoteOf(foreign), StringComparison.OrdinalIgnoreCase);
        using var scope = context.Host.Services.CreateScope();
        Assert.Null(await scope.ServiceProvider.GetRequiredService<IStatusDraftStore>().GetAsync(RoundId(ReportingPeriod.WholeYear(2026)), "Sở Tài chính", default));
    }

    [Fact]
    public async Task ALongDraft_IsKeptWhole_UpToItsLimit_AndOverItIsRefusedAsTyped()
    {
        var card = await OpenAsync("năm 2026");
        var tasks = StatusCardForms.TasksOf(card).Count;
        // Vietnamese text, which JSON would otherwise escape six characters to one.
        var each = SaveDraftHandler.MaxDraftLength / tasks;
        var fits = string.Concat(Enumerable.Repeat("Đã hoàn thành ", each / 14 + 1))[..(each - 10)];

        var kept = await PressAsync("report.draft", StatusCardForms.Inputs(card, "InProgress", "10", fits), FinanceOfficer);
        var tooLong = await PressAsync("report.draft", StatusCardForms.Inputs(card, "InProgress", "10", fits + new string('ư', 20)), FinanceOfficer);

        Assert.StartsWith("Đã lưu nháp lúc", StatusCardForms.NoteOf(kept), StringComparison.Ordinal);
        Assert.Contains("bản nháp quá dài để lưu", StatusCardForms.NoteOf(tooLong), StringComparison.Ordinal);
        using var scope = context.Host.Services.CreateScope();
        var draft = await scope.ServiceProvider.GetRequiredService<IStatusDraftStore>().GetAsync(RoundId(ReportingPeriod.WholeYear(2026)), "Sở Tài chính", default);
        Assert.All(draft!.Entries, e => Assert.Equal(fits, e.Result));
    }

    [Fact]
    public async Task TheLastPeriodsContent_FillsTheCard_WithoutSavingIt()
    {
        var first = await OpenAsync("6 tháng đầu năm 2026 hạn 20/12/2026");
        var none = await PressAsync("report.previous", StatusCardForms.Inputs(first, "InProgress", "20", "đang nhập"), FinanceOfficer);
        Assert.StartsWith("Chưa có báo cáo kỳ trước", StatusCardForms.NoteOf(none), StringComparison.Ordinal);
        Assert.Contains("đang nhập", none.ToJsonString(Unescaped), StringComparison.Ordinal);
        await PressAsync("report.save", StatusCardForms.Inputs(first, "InProgress", "60", "Kỳ đầu năm: đã bố trí 60% kinh phí"), FinanceOfficer);

        var year = await OpenAsync("năm 2026");
        var filled = await PressAsync("report.previous", StatusCardForms.Inputs(year, "NotStarted", "0", string.Empty), FinanceOfficer);

        Assert.StartsWith("Đã điền nội dung báo cáo 6 tháng đầu năm 2026", StatusCardForms.NoteOf(filled), StringComparison.Ordinal);
        Assert.Contains("Kỳ đầu năm: đã bố trí 60% kinh phí", filled.ToJsonString(Unescaped), StringComparison.Ordinal);
        Assert.Contains("\"value\":60", filled.ToJsonString(), StringComparison.Ordinal);
        using var scope = context.Host.Services.CreateScope();
        Assert.Empty(await scope.ServiceProvider.GetRequiredService<IStatusReportStore>().GetReportsAsync(RoundId(ReportingPeriod.WholeYear(2026)), "Sở Tài chính", default));
    }

    private static readonly System.Text.Json.JsonSerializerOptions Unescaped = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private string RoundId(ReportingPeriod period) => ReportingRound.IdFor(planKey, period);

    /// <summary>Opens the round of the period and returns the finance department's card.</summary>
    private async Task<JsonObject> OpenAsync(string period)
    {
        await Conversation.SayAsync(context, Focal, "a:focal", "yêu cầu báo cáo kế hoạch đối ngoại nhân dân " + period);
        return (await StatusCardForms.WaitForAsync(context.Connector, 1))["a:finance"];
    }

    private async Task<JsonObject> PressAsync(string verb, JsonObject inputs, string officer)
    {
        var invoke = TeamsActivities.CardAction(context.Connector.ServiceUrl, verb, inputs, officer);
        invoke["id"] = Guid.NewGuid().ToString("N");
        return (await (await context.Client.PostAsJsonAsync("/api/messages", invoke)).Content.ReadFromJsonAsync<JsonObject>())!;
    }
}
