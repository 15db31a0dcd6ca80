using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using CoordinationBot.Core.Plans.Import;
using CoordinationBot.IntegrationTests.Fixtures;
using CoordinationBot.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CoordinationBot.IntegrationTests.Bot;

/// <summary>A focal-agency officer sends a plan file in chat, previews it, and saves or cancels: real BotHost, Azurite, HTTP.</summary>
[Collection(AzuriteGroup.Name)]
public sealed class PlanUploadTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private BotTestContext context = null!;

    private LoopbackConnector Connector => context.Connector;

    private BotHostFactory BotHost => context.Host;

    private HttpClient Client => context.Client;

    public async Task InitializeAsync() => context = await BotTestContext.StartAsync(azurite, new BotHostSettings(Importers: [TeamsActivities.OfficerAadObjectId]));

    public async Task DisposeAsync()
    {
        await context.DisposeAsync();
    }

    [Fact]
    public async Task PlanFile_ShowsAPreview_ThenSaveStoresIt()
    {
        var url = Connector.ServeFile("62.txt", await File.ReadAllBytesAsync(SharedData.Require("seeds", "002_998ba807eefe9ee1.txt")));

        var preview = await SendFileAsync(url, "62.txt");

        Assert.Equal("Xem trước kế hoạch", preview["body"]![0]!["text"]!.GetValue<string>());
        Assert.Contains("62/KH-UBND", preview.ToJsonString(), StringComparison.Ordinal);
        Assert.Empty(await BotHost.Services.GetRequiredService<IPlanStore>().ListLatestAsync(default).ToListAsync());

        var saved = await ActAsync("plan.save", PendingId(preview));

        Assert.Equal("Đã lưu kế hoạch 62/KH-UBND (phiên bản 1, 24 nhiệm vụ). Để sửa cách đọc một nhiệm vụ (cơ quan chủ trì, phối hợp, thời hạn): gõ \"sửa nhiệm vụ <số hiệu> kế hoạch 62/KH-UBND\".", saved["value"]!["body"]![0]!["text"]!.GetValue<string>());
        Assert.Equal(200, saved["statusCode"]!.GetValue<int>());
        Assert.Equal("application/vnd.microsoft.card.adaptive", saved["type"]!.GetValue<string>());
        var stored = await BotHost.Services.GetRequiredService<IPlanStore>().GetLatestAsync("62-kh-ubnd", default);
        Assert.Equal(24, stored!.Plan.Tasks.Count);
        Assert.Equal(TeamsActivities.OfficerAadObjectId, stored.ImportedBy);
    }

    [Fact]
    public async Task Cancel_StoresNothing_AndThePreviewCannotBeSavedAfterwards()
    {
        var url = Connector.ServeFile("ttdn.txt", await File.ReadAllBytesAsync(SharedData.Require("seeds", "004_f4d7285e2bc01f5d.txt")));
        var preview = await SendFileAsync(url, "ttdn.txt");

        var cancelled = await ActAsync("plan.cancel", PendingId(preview));
        var late = await ActAsync("plan.save", PendingId(preview));

        Assert.Equal("Đã hủy, kế hoạch không được lưu.", cancelled["value"]!["body"]![0]!["text"]!.GetValue<string>());
        Assert.StartsWith("Bản xem trước không còn hiệu lực", late["value"]!["body"]![0]!["text"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Empty(await BotHost.Services.GetRequiredService<IPlanStore>().ListLatestAsync(default).ToListAsync());
    }

    [Theory]
    [InlineData("someone-else")]
    [InlineData("forged-id")]
    public async Task SaveByAnotherUser_OrWithAForgedId_IsRefused_AndNothingIsStored(string attack)
    {
        var url = Connector.ServeFile("a.txt", await File.ReadAllBytesAsync(SharedData.Require("seeds", "000_6f683b4a1ed7a171.txt")));
        var preview = await SendFileAsync(url, "a.txt");
        var id = attack == "forged-id" ? "' or PartitionKey ne '" : PendingId(preview);
        var from = attack == "someone-else" ? "00000000-0000-0000-0000-0000000000ff" : TeamsActivities.OfficerAadObjectId;

        var response = await Client.PostAsJsonAsync("/api/messages", TeamsActivities.CardAction(Connector.ServiceUrl, "plan.save", new JsonObject { ["pendingId"] = id }, from));
        var body = (await response.Content.ReadFromJsonAsync<JsonObject>())!;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("Đã lưu", body.ToJsonString(), StringComparison.Ordinal);
        Assert.Empty(await BotHost.Services.GetRequiredService<IPlanStore>().ListLatestAsync(default).ToListAsync());
    }

    [Fact]
    public async Task OfficerWithoutImportRights_IsToldSo_AndNothingIsDownloaded()
    {
        var url = Connector.ServeFile("b.txt", Encoding.UTF8.GetBytes("KẾ HOẠCH"));
        var message = TeamsActivities.FileMessage(Connector.ServiceUrl, url, "b.txt");
        message["from"] = new JsonObject { ["id"] = "29:other", ["aadObjectId"] = "00000000-0000-0000-0000-0000000000ff" };

        await Client.PostAsJsonAsync("/api/messages", message);

        var reply = Assert.Single(await Connector.WaitForAsync(1, TimeSpan.FromSeconds(10)));
        Assert.StartsWith("Chỉ cán bộ cơ quan đầu mối", reply.Activity!.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(Connector.Requests, r => r.Path.StartsWith("/files", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("notes.txt", "Biên bản họp, không có nhiệm vụ.", "Không tìm thấy kế hoạch trong tệp")]
    [InlineData("broken.pdf", "%PDF-1.7", "Không đọc được tệp")]
    [InlineData("ke-hoach.doc", "Word 97", "Tệp .doc (Word 97-2003) chưa đọc được")]
    [InlineData("ke-hoach.xls", "PK", "Chỉ nhận tệp .docx, .xlsx")]
    [InlineData("empty.txt", "", "Tệp trống")]
    public async Task FileThatIsNotAPlan_GetsAClearVietnameseReason(string name, string content, string expected)
    {
        var url = Connector.ServeFile(name, Encoding.UTF8.GetBytes(content));

        await Client.PostAsJsonAsync("/api/messages", TeamsActivities.FileMessage(Connector.ServiceUrl, url, name));

        var reply = Assert.Single(await Connector.WaitForAsync(1, TimeSpan.FromSeconds(10)));
        Assert.StartsWith(expected, reply.Activity!.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://169.254.169.254/latest/meta-data")]
    [InlineData("https://attacker.example/plan.txt")]
    [InlineData("https://contoso.sharepoint.com.attacker.example/plan.txt")]
    [InlineData("redirect:http://169.254.169.254/latest/meta-data")]
    [InlineData("redirect:https://attacker.example/plan.txt")]
    public async Task DownloadUrlThatIsNotATeamsFileHost_IsNotFetched(string url)
    {
        var target = url.StartsWith("redirect:", StringComparison.Ordinal) ? Connector.RedirectTo(new Uri(url["redirect:".Length..])) : new Uri(url);
        await Client.PostAsJsonAsync("/api/messages", TeamsActivities.FileMessage(Connector.ServiceUrl, target, "x.txt"));

        var reply = Assert.Single(await Connector.WaitForAsync(1, TimeSpan.FromSeconds(10)));
        Assert.StartsWith("Không tải được tệp từ địa chỉ này", reply.Activity!.Text, StringComparison.Ordinal);
    }

    private async Task<JsonObject> SendFileAsync(Uri url, string name)
    {
        var response = await Client.PostAsJsonAsync("/api/messages", TeamsActivities.FileMessage(Connector.ServiceUrl, url, name));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reply = Assert.Single(await Connector.WaitForAsync(1, TimeSpan.FromSeconds(10)));
        Connector.Requests.Clear();
        return reply.Activity!.Attachments![0].Content!.AsObject();
    }

    private async Task<JsonObject> ActAsync(string verb, string pendingId)
    {
        var response = await Client.PostAsJsonAsync("/api/messages", TeamsActivities.CardAction(Connector.ServiceUrl, verb, new JsonObject { ["pendingId"] = pendingId }));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    private static string PendingId(JsonObject card) =>
        card["actions"]![0]!["data"]!["pendingId"]!.GetValue<string>();
}
