using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using CoordinationBot.Core.Plans.Import;
using CoordinationBot.Core.StatusReports;
using CoordinationBot.IntegrationTests.Fixtures;
using Microsoft.Extensions.DependencyInjection;

namespace CoordinationBot.IntegrationTests.Bot;

/// <summary>
/// A plan that gives tasks to groups ("Các sở, ban, ngành", "Ủy ban nhân dân các xã, phường"): each member agency's
/// officers get those tasks on their own card, report them under their own name, and count in the round's progress.
/// </summary>
[Collection(AzuriteGroup.Name)]
public sealed class GroupReportingTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const string Focal = "00000000-0000-0000-0000-0000000000f0";
    private const string HealthOfficer = "00000000-0000-0000-0000-0000000000d1";
    private const string CommuneOfficer = "00000000-0000-0000-0000-0000000000d2";
    private const string BorderOfficer = "00000000-0000-0000-0000-0000000000d3";

    private const string Plan = """
        ỦY BAN NHÂN DÂN
        TỈNH MẪU
        Số: 31/KH-UBND
        Tỉnh Mẫu, ngày 12 tháng 01 năm 2026
        KẾ HOẠCH
        Chuyển đổi số trong cơ quan nhà nước năm 2026
        III. TỔ CHỨC THỰC HIỆN
        Sở Nội vụ là cơ quan đầu mối theo dõi, tổng hợp kết quả thực hiện Kế hoạch.
        1. Sở Nội vụ
        a) Chủ trì hướng dẫn số hóa hồ sơ công việc.
        2. Các sở, ban, ngành
        a) Số hóa hồ sơ công việc của cơ quan mình.
        3. Ủy ban nhân dân các xã, phường
        a) Chủ trì cập nhật dữ liệu dân cư trên địa bàn.
        """;

    private static readonly System.Text.Json.JsonSerializerOptions Readable = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private BotTestContext context = null!;

    public async Task InitializeAsync()
    {
        context = await BotTestContext.StartAsync(azurite, new BotHostSettings(
            Importers: [Focal],
            Directory: new Dictionary<string, string>
            {
                [Focal] = "Sở Nội vụ",
                [HealthOfficer] = "Sở Y tế",
                [CommuneOfficer] = "Ủy ban nhân dân xã Hòa Mẫu",
                [BorderOfficer] = "Ủy ban nhân dân huyện Cũ",
            }));
        using (var scope = context.Host.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<ImportPlanHandler>().HandleAsync(new ImportPlanRequest(Encoding.UTF8.GetBytes(Plan), "kh31.txt", Focal), default);
        }

        await Conversation.InstallAsync(context, (HealthOfficer, "a:health"), (CommuneOfficer, "a:commune"), (BorderOfficer, "a:district"), (Focal, "a:focal"));

        await context.Connector.WaitForAsync(4, TimeSpan.FromSeconds(10));
        context.Connector.Requests.Clear();
    }

    public async Task DisposeAsync() => await context.DisposeAsync();

    [Fact]
    public async Task EachMemberOfAGroup_GetsTheGroupsTasks_ReportsThemUnderItsOwnName_AndCountsInTheProgress()
    {
        await FocalSaysAsync("yêu cầu báo cáo kế hoạch 31/KH-UBND năm 2026");

        var cards = await StatusCardForms.WaitForAsync(context.Connector, 3);
        await Task.Delay(1000);
        cards = StatusCardForms.Posted(context.Connector);

        // Sở Y tế is none of the plan's names; it is one of "các sở, ban, ngành". The commune is in no registry; a
        // group covers it. A district committee is no xã: it gets nothing.
        Assert.Equal(["a:commune", "a:focal", "a:health"], cards.Keys.Order());
        Assert.Equal("Sở Y tế", cards["a:health"]["actions"]![0]!["data"]!["agency"]!.GetValue<string>());
        Assert.Equal(["III.2.a"], StatusCardForms.TasksOf(cards["a:health"]));
        Assert.Equal("Ủy ban nhân dân xã Hòa Mẫu", cards["a:commune"]["actions"]![0]!["data"]!["agency"]!.GetValue<string>());
        Assert.Equal(["III.3.a"], StatusCardForms.TasksOf(cards["a:commune"]));
        Assert.Equal(["III", "III.1.a", "III.2.a"], StatusCardForms.TasksOf(cards["a:focal"]));

        var saved = await ActAsync(CommuneOfficer, StatusCardForms.Inputs(cards["a:commune"], "Done", "100", "Đã cập nhật 98% dữ liệu."));
        Assert.StartsWith("Đã ghi nhận lúc", StatusCardForms.NoteOf(saved), StringComparison.Ordinal);
        var roundId = cards["a:commune"]["actions"]![0]!["data"]!["roundId"]!.GetValue<string>();
        var stored = Assert.Single(await context.Host.Services.GetRequiredService<IStatusReportStore>().GetReportsAsync(roundId, "Ủy ban nhân dân xã Hòa Mẫu", default));
        Assert.Equal("III.3.a", stored.Report.TaskId);

        // Sending the commune's card as another agency, or the group's task under the group's name, is refused.
        var asHealth = await ActAsync(HealthOfficer, StatusCardForms.Inputs(cards["a:commune"], "Done", "100", "giả"));
        Assert.StartsWith("Bạn không thuộc cơ quan", StatusCardForms.NoteOf(asHealth), StringComparison.Ordinal);
        var groupName = StatusCardForms.Inputs(cards["a:health"], "Done", "100", "giả");
        groupName["agency"] = "Các sở, ban, ngành";
        Assert.StartsWith("Bạn không thuộc cơ quan", StatusCardForms.NoteOf(await ActAsync(HealthOfficer, groupName)), StringComparison.Ordinal);

        // The collective of communes has reported through one of them; Sở Y tế and the other departments have not.
        var rounds = await FocalSaysAsync("danh sách đợt báo cáo");
        var expected = context.Host.Services.GetRequiredService<CoordinationBot.Core.Plans.PlanReporters>()
            .Expected((await context.Host.Services.GetRequiredService<IPlanStore>().GetLatestAsync("31-kh-ubnd", default))!.Plan);
        Assert.Contains("Sở Y tế", expected);
        Assert.Contains("Ủy ban nhân dân các xã, phường", expected);
        Assert.Contains($"1/{expected.Count}", rounds, StringComparison.Ordinal);
    }

    private async Task<string> FocalSaysAsync(string text)
    {
        context.Connector.Requests.Clear();
        var message = TeamsActivities.Message(context.Connector.ServiceUrl, text, conversationId: "a:focal");
        message["from"] = new JsonObject { ["id"] = "29:focal", ["aadObjectId"] = Focal };
        await context.Client.PostAsJsonAsync("/api/messages", message);
        var replies = await context.Connector.WaitForAsync(1, TimeSpan.FromSeconds(10));
        return System.Text.Json.JsonSerializer.Serialize(replies.Select(r => r.Activity).ToList(), Readable);
    }

    private async Task<JsonObject> ActAsync(string user, JsonObject data)
    {
        var invoke = TeamsActivities.CardAction(context.Connector.ServiceUrl, "report.save", data.DeepClone().AsObject(), user);
        var response = await context.Client.PostAsJsonAsync("/api/messages", invoke);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }
}
