using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CoordinationBot.Core.Plans.Import;
using CoordinationBot.Core.StatusReports;
using CoordinationBot.IntegrationTests.Fixtures;
using CoordinationBot.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CoordinationBot.IntegrationTests.Bot;

/// <summary>
/// A reporting round end to end on the server side: the focal agency opens it, the worker sends each assigned
/// agency's officers their status card through the outbox (Azurite queue), officers report, and tampering is refused.
/// </summary>
[Collection(AzuriteGroup.Name)]
public sealed class StatusReportTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const string Focal = "00000000-0000-0000-0000-0000000000f0";
    private const string ForeignOfficer = "00000000-0000-0000-0000-0000000000a2";
    private const string ForeignOfficer2 = "00000000-0000-0000-0000-0000000000a3";
    private const string FinanceOfficer = "00000000-0000-0000-0000-0000000000b1";
    private const string Stranger = "00000000-0000-0000-0000-0000000000c1";
    private BotTestContext context = null!;

    public async Task InitializeAsync()
    {
        context = await BotTestContext.StartAsync(azurite, new BotHostSettings(
            Importers: [Focal],
            Directory: new Dictionary<string, string> { [ForeignOfficer] = "Sở Ngoại vụ", [ForeignOfficer2] = "Sở Ngoại vụ", [FinanceOfficer] = "Sở Tài chính", [Focal] = "Sở Ngoại vụ" }));
        using var scope = context.Host.Services.CreateScope();
        var bytes = await File.ReadAllBytesAsync(SharedData.Require("seeds", "000_6f683b4a1ed7a171.txt"));
        await scope.ServiceProvider.GetRequiredService<ImportPlanHandler>().HandleAsync(new ImportPlanRequest(bytes, "dnnd.txt", Focal), default);
        foreach (var (user, conversation) in new[] { (ForeignOfficer, "a:foreign1"), (ForeignOfficer2, "a:foreign2"), (FinanceOfficer, "a:finance") })
        {
            await context.Client.PostAsJsonAsync("/api/messages", TeamsActivities.BotAdded(context.Connector.ServiceUrl, conversation, user));
        }

        await context.Connector.WaitForAsync(3, TimeSpan.FromSeconds(10));
        context.Connector.Requests.Clear();
    }

    public async Task DisposeAsync() => await context.DisposeAsync();

    [Fact]
    public async Task OpeningARound_SendsEachAssignedAgencysOfficersTheirCard_Once()
    {
        await OpenRoundAsync();

        var cards = await StatusCardForms.WaitForAsync(context.Connector, 3);
        Assert.Equal(["a:finance", "a:foreign1", "a:foreign2"], cards.Keys.Order());
        var foreignTasks = cards["a:foreign1"]["actions"]![0]!["data"]!["tasks"]!.AsArray().Select(t => t!.GetValue<string>()).ToList();
        // Its own tasks, and those the plan gives "Các sở, ban, ngành" (III, IV.1.a–c), which it is one of.
        string[] departments = ["III", "IV.1.a", "IV.1.b", "IV.1.c"];
        Assert.Equal([.. departments, "IV.3.a", "IV.3.b", "IV.3.c", "IV.3.d", "IV.4.a"], foreignTasks);
        Assert.Equal([.. departments, "IV.4.a", "IV.4.b", "IV.4.c"], cards["a:finance"]["actions"]![0]!["data"]!["tasks"]!.AsArray().Select(t => t!.GetValue<string>()));

        context.Connector.Requests.Clear();
        var again = await OpenRoundAsync("Đợt báo cáo năm 2026 của ");
        Assert.Matches(@"đã được mở trước đó, hạn \d{2}/\d{2}/2026; đã có 0/\d+ cơ quan báo cáo\.", again);
        await Task.Delay(2500);
        Assert.DoesNotContain(context.Connector.Requests, r => StatusCardForms.CardOf(r)?["actions"] is not null && r.Path.Contains("/activities", StringComparison.Ordinal) && !r.Path.Contains("a%3Afocal", StringComparison.Ordinal));
    }

    [Fact]
    public async Task OfficerReports_AndTheCardShowsWhatWasSaved_ThenAStaleCardIsNotOverwriting()
    {
        await OpenRoundAsync();
        var card = (await StatusCardForms.WaitForAsync(context.Connector, 3))["a:finance"];
        var data = StatusCardForms.Inputs(card, "Done", "100", "Đã bố trí kinh phí năm 2026.");

        var saved = await ActAsync(FinanceOfficer, data);

        Assert.StartsWith("Đã ghi nhận lúc", StatusCardForms.NoteOf(saved), StringComparison.Ordinal);
        var roundId = data["roundId"]!.GetValue<string>();
        var stored = await context.Host.Services.GetRequiredService<IStatusReportStore>().GetReportsAsync(roundId, "Sở Tài chính", default);
        Assert.Equal(7, stored.Count);
        Assert.All(stored, r => Assert.Equal(ProgressStatus.Done, r.Report.Status));

        var stale = await ActAsync(FinanceOfficer, StatusCardForms.Inputs(card, "InProgress", "50", "Bản cũ"), activityId: "another-press");

        Assert.StartsWith("Nhiệm vụ III, IV.1.a, IV.1.b, IV.1.c, IV.4.a, IV.4.b, IV.4.c vừa được người khác cập nhật", StatusCardForms.NoteOf(stale), StringComparison.Ordinal);
        Assert.All(await context.Host.Services.GetRequiredService<IStatusReportStore>().GetReportsAsync(roundId, "Sở Tài chính", default), r => Assert.Equal("Đã bố trí kinh phí năm 2026.", r.Report.Result));

        // The same card pressed again with what is already stored (its first answer lost): saved, not a conflict.
        var again = await ActAsync(FinanceOfficer, data, activityId: "pressed-again");
        Assert.StartsWith("Đã ghi nhận lúc", StatusCardForms.NoteOf(again), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnOfficerWhoLostTheCard_GetsItAgain_WithWhatTheAgencySaved_AndSomeoneWithoutAnAgencyIsToldWhy()
    {
        await OpenRoundAsync();
        var data = StatusCardForms.Inputs((await StatusCardForms.WaitForAsync(context.Connector, 3))["a:finance"], "InProgress", "60", "Đã bố trí một phần.");
        await ActAsync(FinanceOfficer, data);
        context.Connector.Requests.Clear();

        var mine = TeamsActivities.Message(context.Connector.ServiceUrl, "phiếu báo cáo", conversationId: "a:finance");
        mine["from"] = new JsonObject { ["id"] = "29:finance", ["aadObjectId"] = FinanceOfficer };
        await context.Client.PostAsJsonAsync("/api/messages", mine);
        var card = StatusCardForms.CardOf(Assert.Single(await context.Connector.WaitForAsync(1, TimeSpan.FromSeconds(10))))!;

        Assert.Equal("report.save", card["actions"]![0]!["verb"]!.GetValue<string>());
        Assert.Equal("Sở Tài chính", card["actions"]![0]!["data"]!["agency"]!.GetValue<string>());
        Assert.Contains("Đã bố trí một phần.", card.ToJsonString(new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }), StringComparison.Ordinal);

        context.Connector.Requests.Clear();
        var stranger = TeamsActivities.Message(context.Connector.ServiceUrl, "báo cáo của tôi", conversationId: "a:stranger");
        stranger["from"] = new JsonObject { ["id"] = "29:stranger", ["aadObjectId"] = Stranger };
        await context.Client.PostAsJsonAsync("/api/messages", stranger);
        Assert.StartsWith("Chưa biết anh/chị thuộc cơ quan nào", Assert.Single(await context.Connector.WaitForAsync(1, TimeSpan.FromSeconds(10))).Activity!.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Refresh_ShowsTheLatestSavedState_OnlyToTheAgencysOfficers()
    {
        await OpenRoundAsync();
        var data = StatusCardForms.Inputs((await StatusCardForms.WaitForAsync(context.Connector, 3))["a:finance"], "Done", "90", "Gần xong.");
        await ActAsync(FinanceOfficer, data);
        var refreshData = new JsonObject { ["roundId"] = data["roundId"]!.DeepClone(), ["agency"] = "Sở Tài chính" };

        var mine = await ActAsync(FinanceOfficer, refreshData, verb: "report.refresh");
        var others = await ActAsync(ForeignOfficer, refreshData, verb: "report.refresh");

        var json = mine["value"]!.ToJsonString(new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        Assert.Contains("\"value\":\"Done\"", json, StringComparison.Ordinal);
        Assert.Contains("Gần xong.", json, StringComparison.Ordinal);
        Assert.Equal("report.refresh", mine["value"]!["refresh"]!["action"]!["verb"]!.GetValue<string>());
        Assert.StartsWith("Bạn không thuộc cơ quan", StatusCardForms.NoteOf(others), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnAgencyWithARegisteredChannel_GetsItsCardThere_InsteadOfInItsOfficersChats()
    {
        Assert.Equal("Đã đăng ký: phiếu báo cáo của Sở Ngoại vụ sẽ gửi vào kênh này.", await RegisterChannelAsync(ForeignOfficer, "19:foreign-team@thread.tacv2;messageid=1700000000001"));
        context.Connector.Requests.Clear();

        await OpenRoundAsync();

        await StatusCardForms.WaitForAsync(context.Connector, 2);
        await Task.Delay(1500);
        var cards = await StatusCardForms.WaitForAsync(context.Connector, 2);
        Assert.Equal(["19:foreign-team@thread.tacv2", "a:finance"], cards.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task APickedAgency_GivesNoRights_UntilTheFocalAgencyConfirmsIt()
    {
        await context.Client.PostAsJsonAsync("/api/messages", TeamsActivities.BotAdded(context.Connector.ServiceUrl, "a:stranger", Stranger));
        await context.Connector.WaitForAsync(1, TimeSpan.FromSeconds(10));
        context.Connector.Requests.Clear();
        Assert.StartsWith("Đã ghi nhận bạn thuộc Sở Ngoại vụ", StatusCardForms.NoteOf(await ActAsync(Stranger, new JsonObject { ["agency"] = "so-ngoai-vu" }, verb: "directory.pick")), StringComparison.Ordinal);

        Assert.StartsWith("Bạn đã tự chọn Sở Ngoại vụ, nhưng cơ quan đầu mối chưa xác nhận", await RegisterChannelAsync(Stranger, "19:stranger-team@thread.tacv2;messageid=1700000000002"), StringComparison.Ordinal);
        context.Connector.Requests.Clear();

        await OpenRoundAsync();
        var cards = await StatusCardForms.WaitForAsync(context.Connector, 3);
        await Task.Delay(1500);
        Assert.Equal(["a:finance", "a:foreign1", "a:foreign2"], (await StatusCardForms.WaitForAsync(context.Connector, 3)).Keys.Order(StringComparer.Ordinal));

        var data = StatusCardForms.Inputs(cards["a:foreign1"], "Done", "100", "Báo cáo mạo danh.");
        Assert.StartsWith("Bạn đã tự chọn Sở Ngoại vụ", StatusCardForms.NoteOf(await ActAsync(Stranger, data)), StringComparison.Ordinal);
        Assert.StartsWith("Bạn đã tự chọn Sở Ngoại vụ", StatusCardForms.NoteOf(await ActAsync(Stranger, new JsonObject { ["roundId"] = data["roundId"]!.DeepClone(), ["agency"] = "Sở Ngoại vụ" }, verb: "report.refresh")), StringComparison.Ordinal);
        var store = context.Host.Services.GetRequiredService<IStatusReportStore>();
        Assert.Empty(await store.GetReportsAsync(data["roundId"]!.GetValue<string>(), "Sở Ngoại vụ", default));

        // Only the focal agency confirms, from its list; the card's data is checked against what the officer picked.
        Assert.StartsWith("Chỉ cơ quan đầu mối", StatusCardForms.NoteOf(await ActAsync(FinanceOfficer, new JsonObject { ["user"] = Stranger, ["agency"] = "Sở Ngoại vụ" }, verb: "directory.confirm")), StringComparison.Ordinal);
        context.Connector.Requests.Clear();
        var list = TeamsActivities.Message(context.Connector.ServiceUrl, "xác nhận cơ quan", conversationId: "a:focal");
        list["from"] = new JsonObject { ["id"] = "29:focal", ["aadObjectId"] = Focal };
        await context.Client.PostAsJsonAsync("/api/messages", list);
        var listed = Assert.Single(await context.Connector.WaitForAsync(1, TimeSpan.FromSeconds(10))).Activity!.Attachments![0].Content!;
        var confirm = listed["body"]!.AsArray().Select(b => b?["columns"]?[1]?["items"]?[0]?["actions"]?[0]).Single(a => a is not null)!;
        Assert.Equal("Sở Ngoại vụ", confirm["data"]!["agency"]!.GetValue<string>());
        static string ListNote(JsonObject response) => response["value"]!["body"]![1]!["inlines"]![0]!["text"]!.GetValue<string>();
        Assert.StartsWith("Lựa chọn này vừa thay đổi", ListNote(await ActAsync(Focal, new JsonObject { ["user"] = Stranger, ["agency"] = "Sở Tài chính" }, verb: "directory.confirm")), StringComparison.Ordinal);
        Assert.StartsWith("Đã xác nhận", ListNote(await ActAsync(Focal, confirm["data"]!.DeepClone().AsObject(), verb: "directory.confirm")), StringComparison.Ordinal);

        Assert.StartsWith("Đã ghi nhận lúc", StatusCardForms.NoteOf(await ActAsync(Stranger, data)), StringComparison.Ordinal);

        // Picking another agency afterwards is again only a pick: no rights over Sở Tài chính's reports.
        await ActAsync(Stranger, new JsonObject { ["agency"] = "so-tai-chinh" }, verb: "directory.pick");
        var finance = StatusCardForms.Inputs(cards["a:finance"], "Done", "100", "Ghi đè.");
        Assert.StartsWith("Bạn đã tự chọn Sở Tài chính", StatusCardForms.NoteOf(await ActAsync(Stranger, finance)), StringComparison.Ordinal);
        Assert.Empty(await store.GetReportsAsync(data["roundId"]!.GetValue<string>(), "Sở Tài chính", default));
    }

    [Fact]
    public async Task AChannelRegisteredInAnotherTenant_DoesNotTakeThisTenantsCards()
    {
        Assert.StartsWith("Đã đăng ký", await RegisterChannelAsync(ForeignOfficer, "19:other-tenant-team@thread.tacv2;messageid=1700000000003", "11111111-2222-3333-4444-555555555555"), StringComparison.Ordinal);
        context.Connector.Requests.Clear();

        await OpenRoundAsync();

        await StatusCardForms.WaitForAsync(context.Connector, 3);
        await Task.Delay(1500);
        Assert.Equal(["a:finance", "a:foreign1", "a:foreign2"], (await StatusCardForms.WaitForAsync(context.Connector, 3)).Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task TheOpenRoundForm_OpensARound_WithItsMessage_AndRefusesWhatItDidNotOffer()
    {
        var ask = TeamsActivities.Message(context.Connector.ServiceUrl, "yêu cầu báo cáo", conversationId: "a:focal");
        ask["from"] = new JsonObject { ["id"] = "29:focal", ["aadObjectId"] = Focal };
        await context.Client.PostAsJsonAsync("/api/messages", ask);
        var form = Assert.Single(await context.Connector.WaitForAsync(1, TimeSpan.FromSeconds(10))).Activity!.Attachments![0].Content!;
        var planKey = form["body"]![1]!["choices"]![0]!["value"]!.GetValue<string>();
        Assert.Contains(form["body"]![2]!["choices"]!.AsArray(), c => c!["value"]!.GetValue<string>() == "2026-Y");
        context.Connector.Requests.Clear();

        var forged = await ActAsync(Focal, new JsonObject { ["plan"] = "khong-co", ["period"] = "2026-Y" }, verb: "round.open");
        var opened = await ActAsync(Focal, new JsonObject { ["plan"] = planKey, ["period"] = "2026-Y", ["due"] = "2026-12-20", ["message"] = "Đề nghị gửi đúng hạn." }, verb: "round.open");

        Assert.StartsWith("Thông tin chưa hợp lệ", StatusCardForms.NoteOf(forged), StringComparison.Ordinal);
        Assert.StartsWith("Đã mở đợt báo cáo năm 2026", StatusCardForms.NoteOf(opened), StringComparison.Ordinal);
        Assert.Contains("hạn 20/12/2026", StatusCardForms.NoteOf(opened), StringComparison.Ordinal);
        var card = (await StatusCardForms.WaitForAsync(context.Connector, 3))["a:finance"];
        Assert.Contains(card["body"]!.AsArray(), b => b?["inlines"]?[0]?["text"]?.GetValue<string>() == "Đề nghị gửi đúng hạn.");
    }

    [Fact]
    public async Task ConnectorAnswering503And429_StillDeliversEveryCard_Once()
    {
        foreach (var status in new[] { 503, 429, 500, 503, 429 })
        {
            context.Connector.FailNext(status, retryAfterSeconds: status == 429 ? 0 : null);
        }

        await OpenRoundAsync();

        var cards = await StatusCardForms.WaitForAsync(context.Connector, 3);
        var log = context.Host.Services.GetRequiredService<IDeliveryLog>();
        var roundId = "kh-2026-thuc-hien-chuong-trinh-hanh-dong-so-18-ctr-tu-ngay-1-eda8b0b041c3b260~2026-Y";
        await log.WaitUntilAsync(roundId, current => current.Count(s => s.State == DeliveryState.Sent) >= 3, TimeSpan.FromSeconds(10));

        Assert.Equal(["a:finance", "a:foreign1", "a:foreign2"], cards.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(3, (await log.ListAsync(roundId, default)).Count(s => s.State == DeliveryState.Sent));
    }

    [Fact]
    public async Task TheSameInvokeDeliveredTwice_IsSavedOnce()
    {
        await OpenRoundAsync();
        var data = StatusCardForms.Inputs((await StatusCardForms.WaitForAsync(context.Connector, 3))["a:finance"], "Done", "100", "Một lần.");

        await ActAsync(FinanceOfficer, data, activityId: "invoke-1");
        var again = await ActAsync(FinanceOfficer, data, activityId: "invoke-1");

        Assert.Equal("Báo cáo này đã được ghi nhận.", StatusCardForms.NoteOf(again));
    }

    public static TheoryData<string, string> Tampering => new()
    {
        { "other-agency", "Bạn không thuộc cơ quan được giao phiếu này" },
        { "foreign-task", "Phiếu có nhiệm vụ không thuộc cơ quan của bạn" },
        { "unknown-round", "Không tìm thấy đợt báo cáo này" },
        { "too-long", "Chưa gửi được" },
        { "bad-percent", "Chưa gửi được" },
        { "no-agency", "Chưa xác định được cơ quan của bạn" },
        { "any-etag", "Phiếu này đã bị sửa đổi" },
        { "agency-spelled-otherwise", "Bạn không thuộc cơ quan được giao phiếu này" },
        { "agency-with-zero-width-space", "Bạn không thuộc cơ quan được giao phiếu này" },
    };

    [Theory]
    [MemberData(nameof(Tampering))]
    public async Task TamperedOrInvalidSubmissions_GetAClearMessage_AndStoreNothing(string attack, string expected)
    {
        await OpenRoundAsync();
        var card = (await StatusCardForms.WaitForAsync(context.Connector, 3))["a:finance"];
        var data = StatusCardForms.Inputs(card, "Done", attack == "bad-percent" ? "140" : "100", attack == "too-long" ? new string('x', 4001) : "ok");
        var user = FinanceOfficer;
        switch (attack)
        {
            case "other-agency":
                data["agency"] = "Sở Ngoại vụ";
                break;
            case "foreign-task":
                data["tasks"]![0] = "IV.3.a";
                break;
            case "unknown-round":
                data["roundId"] = "khong-co~2026-Y";
                break;
            case "no-agency":
                user = "00000000-0000-0000-0000-00000000dead";
                break;
            case "any-etag":
                data["etags"]!["IV.4.a"] = "*";
                break;
            case "agency-spelled-otherwise":
                data["agency"] = "so tai chinh";
                break;
            case "agency-with-zero-width-space":
                data["agency"] = "Sở Tài\u200b chính";
                break;
        }

        var response = await ActAsync(user, data);

        Assert.StartsWith(expected, StatusCardForms.NoteOf(response), StringComparison.Ordinal);
        var roundId = StatusCardForms.Inputs(card, "Done", "1", "x")["roundId"]!.GetValue<string>();
        Assert.Empty(await context.Host.Services.GetRequiredService<IStatusReportStore>().GetAllReportsAsync(roundId, default));
    }

    [Fact]
    public async Task OnlyTheFocalAgency_MayOpenARound()
    {
        var message = TeamsActivities.Message(context.Connector.ServiceUrl, "yêu cầu báo cáo kế hoạch đối ngoại nhân dân năm 2026", conversationId: "a:finance");
        message["from"] = new JsonObject { ["id"] = "29:b1", ["aadObjectId"] = FinanceOfficer };

        await context.Client.PostAsJsonAsync("/api/messages", message);

        var reply = Assert.Single(await context.Connector.WaitForAsync(1, TimeSpan.FromSeconds(10)));
        Assert.StartsWith("Chỉ cơ quan đầu mối", reply.Activity!.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ABlockedConversation_FailsForGood_WithItsReason_AndTheOthersAreSent()
    {
        context.Connector.FailAlways("a:foreign2", 403, "MessageWritesBlocked");
        await OpenRoundAsync();
        await StatusCardForms.WaitForAsync(context.Connector, 2);

        var roundId = (await context.Host.Services.GetRequiredService<IStatusReportStore>().GetRoundAsync("kh-2026-thuc-hien-chuong-trinh-hanh-dong-so-18-ctr-tu-ngay-1-eda8b0b041c3b260~2026-Y", default))!.Id;
        var log = context.Host.Services.GetRequiredService<IDeliveryLog>();
        var states = await log.WaitUntilAsync(roundId, current => current.Count(s => s.Agency != "focal" && s.State is DeliveryState.Sent or DeliveryState.FailedFinal) >= 3, TimeSpan.FromSeconds(10));

        // The status cards; the focal agency's notice of the failure goes to its officers too (the blocked one included).
        var cards = states.Where(s => s.Agency != "focal").ToList();
        Assert.Equal(1, cards.Count(s => s.State == DeliveryState.FailedFinal && s.Reason == "blocked (403)"));
        Assert.Equal(2, cards.Count(s => s.State == DeliveryState.Sent));
    }

    [Fact]
    public async Task ClosedRound_RefusesReports_UntilTheFocalAgencyExtendsIt()
    {
        await OpenRoundAsync();
        var data = StatusCardForms.Inputs((await StatusCardForms.WaitForAsync(context.Connector, 3))["a:finance"], "InProgress", "40", "Đang làm.");

        await FocalSaysAsync("đóng đợt báo cáo kế hoạch đối ngoại nhân dân năm 2026", "Đã đóng đợt báo cáo năm 2026");
        var refused = await ActAsync(FinanceOfficer, data);
        var foreign = await ActAsync(ForeignOfficer, data);

        // The officer's card stays, read-only, with its tasks and the notice; someone of another agency sees only the notice.
        var card = refused["value"]!.AsObject();
        Assert.All(new[] { "IV.4.a", "IV.4.b", "IV.4.c" }, task => Assert.Contains(task, card.ToJsonString(), StringComparison.Ordinal));
        Assert.DoesNotContain("report.save", card.ToJsonString(), StringComparison.Ordinal);
        Assert.DoesNotContain("IV.4.a", foreign["value"]!.ToJsonString(), StringComparison.Ordinal);
        await FocalSaysAsync("gia hạn báo cáo kế hoạch đối ngoại nhân dân năm 2026 đến 20/12/2026", "Đã gia hạn đợt báo cáo năm 2026");
        var saved = await ActAsync(FinanceOfficer, data);

        Assert.StartsWith("Đợt báo cáo đã đóng", StatusCardForms.NoteOf(refused), StringComparison.Ordinal);
        Assert.StartsWith("Đã ghi nhận lúc", StatusCardForms.NoteOf(saved), StringComparison.Ordinal);
        var round = await context.Host.Services.GetRequiredService<IStatusReportStore>().GetRoundAsync(data["roundId"]!.GetValue<string>(), default);
        Assert.Equal(new DateOnly(2026, 12, 20), round!.Due);
        Assert.Equal(RoundState.Open, round.State);
    }

    [Fact]
    public async Task TwoBotInstancesOnOneStorage_SendEachCardOnce()
    {
        await using var second = new BotHostFactory(azurite.ConnectionString, new BotHostSettings(Importers: [Focal]), context.Host.TablePrefix);
        using var secondClient = second.CreateClient();
        Assert.Equal("Healthy", await secondClient.GetStringAsync("/healthz"));

        await OpenRoundAsync();
        await StatusCardForms.WaitForAsync(context.Connector, 3);

        // The same deliveries enqueued again (a retried enqueue, a duplicated message): nobody gets a second card.
        var outbox = context.Host.Services.GetRequiredService<IDeliveryOutbox>();
        var roundId = "kh-2026-thuc-hien-chuong-trinh-hanh-dong-so-18-ctr-tu-ngay-1-eda8b0b041c3b260~2026-Y";
        await foreach (var reference in context.Host.Services.GetRequiredService<CoordinationBot.Core.Conversations.IConversationReferenceStore>().ListAsync(TeamsActivities.TenantId, default))
        {
            var agency = reference.ConversationId == "a:finance" ? "Sở Tài chính" : "Sở Ngoại vụ";
            await outbox.EnqueueAsync(new Delivery(roundId, agency, reference), default);
        }

        await Task.Delay(3000);
        var cards = context.Connector.Requests.Where(r => StatusCardForms.CardOf(r)?["actions"]?[0]?["verb"]?.GetValue<string>() == "report.save").ToList();
        Assert.Equal(3, cards.Count);
        Assert.Equal(3, cards.Select(r => r.Activity!.Conversation!.Id).Distinct().Count());
    }

    /// <summary>"đăng ký kênh báo cáo" typed by <paramref name="user"/> in a team channel; the bot's reply.</summary>
    private async Task<string?> RegisterChannelAsync(string user, string conversationId, string tenantId = TeamsActivities.TenantId)
    {
        var register = TeamsActivities.Message(context.Connector.ServiceUrl, "<at>CoordinationBot</at> đăng ký kênh báo cáo", conversationId, tenantId);
        register["conversation"]!["conversationType"] = "channel";
        register["from"] = new JsonObject { ["id"] = "29:" + user, ["aadObjectId"] = user };
        await context.Client.PostAsJsonAsync("/api/messages", register);
        return Assert.Single(await context.Connector.WaitForAsync(1, TimeSpan.FromSeconds(10))).Activity!.Text;
    }

    private async Task FocalSaysAsync(string text, string expectedReply)
    {
        context.Connector.Requests.Clear();
        var message = TeamsActivities.Message(context.Connector.ServiceUrl, text, conversationId: "a:focal");
        message["from"] = new JsonObject { ["id"] = "29:focal", ["aadObjectId"] = Focal };
        await context.Client.PostAsJsonAsync("/api/messages", message);
        var reply = Assert.Single(await context.Connector.WaitForAsync(1, TimeSpan.FromSeconds(10)));
        Assert.StartsWith(expectedReply, reply.Activity!.Text, StringComparison.Ordinal);
    }

    private async Task<string> OpenRoundAsync(string expected = "Đã mở đợt báo cáo năm 2026")
    {
        var message = TeamsActivities.Message(context.Connector.ServiceUrl, "yêu cầu báo cáo kế hoạch đối ngoại nhân dân năm 2026", conversationId: "a:focal");
        message["from"] = new JsonObject { ["id"] = "29:focal", ["aadObjectId"] = Focal };
        await context.Client.PostAsJsonAsync("/api/messages", message);
        var reply = (await context.Connector.WaitForAsync(1, TimeSpan.FromSeconds(10))).Select(r => r.Activity?.Text).FirstOrDefault(t => t?.StartsWith(expected, StringComparison.Ordinal) == true);
        Assert.NotNull(reply);
        return reply;
    }

    private async Task<JsonObject> ActAsync(string user, JsonObject data, string? activityId = null, string verb = "report.save")
    {
        var invoke = TeamsActivities.CardAction(context.Connector.ServiceUrl, verb, data.DeepClone().AsObject(), user);
        invoke["id"] = activityId ?? Guid.NewGuid().ToString("N");
        var response = await context.Client.PostAsJsonAsync("/api/messages", invoke);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }
}
