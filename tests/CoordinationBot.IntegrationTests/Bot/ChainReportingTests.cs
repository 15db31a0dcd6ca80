using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CoordinationBot.IntegrationTests.Fixtures;
using DocumentFormat.OpenXml.Packaging;

namespace CoordinationBot.IntegrationTests.Bot;

/// <summary>
/// The lead and support chain (issue 17 item 1), over the wire on Azurite: in a round opened "phối hợp gửi chủ trì",
/// the support's card says its part goes to the lead; the lead that reports first is told who is missing; the
/// support's part reaches the lead's chat on the lead's card; the Word report shows it under the lead's report.
/// Seed 000's task IV.4.a: Sở Tài chính leads, Sở Ngoại vụ supports.
/// </summary>
[Collection(AzuriteGroup.Name)]
public sealed class ChainReportingTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const string Administrator = "00000000-0000-0000-0000-0000000000f0";
    private const string ForeignOfficer = "00000000-0000-0000-0000-0000000000a2";
    private const string FinanceOfficer = "00000000-0000-0000-0000-0000000000b1";
    private BotTestContext context = null!;

    public async Task InitializeAsync()
    {
        context = await BotTestContext.StartAsync(azurite, new BotHostSettings(
            Importers: [Administrator],
            Directory: new Dictionary<string, string> { [ForeignOfficer] = "Sở Ngoại vụ", [FinanceOfficer] = "Sở Tài chính" }));
        await Conversation.ImportSeedPlanAsync(context, Administrator);

        await Conversation.InstallAsync(context, (ForeignOfficer, "a:foreign"), (FinanceOfficer, "a:finance"));
    }

    public async Task DisposeAsync() => await context.DisposeAsync();

    [Fact]
    public async Task ASupportsPart_ReachesTheLeadsCard_AndTheLeadReportingFirst_IsToldWhoIsMissing()
    {
        var opened = await Conversation.SayAsync(context, Administrator, "a:admin", "yêu cầu báo cáo kế hoạch đối ngoại nhân dân năm 2026, phối hợp gửi chủ trì");
        var openedText = opened.Text ?? System.Text.Json.JsonSerializer.Serialize(opened.Attachments, Unescaped);
        Assert.True(openedText.Contains("cơ quan phối hợp gửi phần việc cho cơ quan chủ trì", StringComparison.Ordinal), openedText);
        var cards = await StatusCardForms.WaitForAsync(context.Connector, 2);
        var supportCard = cards["a:foreign"];
        Assert.Contains("Phần việc phối hợp: gửi tới cơ quan chủ trì (Sở Tài chính)", TaskBlock(supportCard, "IV.4.a").ToJsonString(Unescaped), StringComparison.Ordinal);

        // The lead reports first: saved, and told whose part is still missing; its card says so on the task.
        var leadAnswer = await SubmitAsync(cards["a:finance"], FinanceOfficer, "Đã trình phương án kinh phí.");
        Assert.Contains("Lưu ý: chưa có phần phối hợp của IV.4.a: Sở Ngoại vụ.", Note(leadAnswer), StringComparison.Ordinal);
        Assert.Contains("Chưa gửi phần phối hợp: Sở Ngoại vụ", TaskBlock(leadAnswer["value"]!.AsObject(), "IV.4.a").ToJsonString(Unescaped), StringComparison.Ordinal);

        // The support gives its part: the lead's card comes into the lead's chat with the part on the task.
        context.Connector.Requests.Clear();
        var supportAnswer = await SubmitAsync(supportCard, ForeignOfficer, "Đã gửi dự toán hoạt động đối ngoại.");
        // (It leads IV.3.c, whose support has given nothing: that is what it is told, not IV.4.a.)
        Assert.Contains("IV.3.c: Bộ Ngoại giao", Note(supportAnswer), StringComparison.Ordinal);
        Assert.DoesNotContain("IV.4.a", Note(supportAnswer), StringComparison.Ordinal);
        var arrived = (await StatusCardForms.WaitForAsync(context.Connector, 1))["a:finance"];
        Assert.Contains("Sở Ngoại vụ đã gửi phần việc phối hợp", arrived.ToJsonString(Unescaped), StringComparison.Ordinal);
        var part = TaskBlock(arrived, "IV.4.a")["items"]![1]!;
        Assert.Equal("emphasis", part["style"]!.GetValue<string>());
        var line = part["items"]![1]!["inlines"]!;
        Assert.Equal("Sở Ngoại vụ", line[0]!["text"]!.GetValue<string>());
        Assert.EndsWith("Đang thực hiện, 50%): Đã gửi dự toán hoạt động đối ngoại.", line[1]!["text"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.DoesNotContain("Chưa gửi phần phối hợp", arrived.ToJsonString(Unescaped), StringComparison.Ordinal);
        Assert.False(StatusCardForms.Posted(context.Connector).ContainsKey("a:foreign"));

        // The consolidation shows the part under the lead's report.
        var summary = (await Conversation.SayAsync(context, Administrator, "a:admin", "tổng hợp kế hoạch đối ngoại nhân dân năm 2026")).Attachments![0].Content!.AsObject();
        var word = await context.Client.GetByteArrayAsync(new Uri(summary["actions"]![0]!["url"]!.GetValue<string>()).PathAndQuery);
        using var document = WordprocessingDocument.Open(new MemoryStream(word), false);
        var paragraphs = document.MainDocumentPart!.Document.Body!.Elements<DocumentFormat.OpenXml.Wordprocessing.Paragraph>().Select(p => p.InnerText).ToList();
        var lead = paragraphs.FindIndex(p => p.Contains("(nhiệm vụ IV.4.a", StringComparison.Ordinal)) + 1;
        Assert.True(lead > 0, string.Join("\n", paragraphs));
        Assert.Equal("- Sở Tài chính (chủ trì): Đang thực hiện, 50%: Đã trình phương án kinh phí.", paragraphs[lead]);
        Assert.Equal("  + Sở Ngoại vụ (phần phối hợp gửi cơ quan chủ trì): Đang thực hiện, 50%: Đã gửi dự toán hoạt động đối ngoại.", paragraphs[lead + 1]);

        // The focal agency returns the lead's report; the lead's card comes back with the request and the support's
        // part still on it; the lead resends, and the report is no longer marked.
        var form = summary["actions"]!.AsArray().Single(a => a!["type"]!.GetValue<string>() == "Action.ShowCard")!["card"]!.AsObject();
        var data = form["actions"]![0]!["data"]!.DeepClone().AsObject();
        data["agency"] = "Sở Tài chính";
        data["comment"] = "Yêu cầu bổ sung số liệu kinh phí từng hội nghị.";
        context.Connector.Requests.Clear();
        var returnInvoke = TeamsActivities.CardAction(context.Connector.ServiceUrl, "report.return", data, Administrator);
        var returnAnswer = (await (await context.Client.PostAsJsonAsync("/api/messages", returnInvoke)).Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Contains("Đã trả lại báo cáo của Sở Tài chính", returnAnswer["value"]!.GetValue<string>(), StringComparison.Ordinal);
        var back = (await StatusCardForms.WaitForAsync(context.Connector, 1))["a:finance"];
        Assert.Contains("Yêu cầu bổ sung số liệu kinh phí từng hội nghị.", back.ToJsonString(Unescaped), StringComparison.Ordinal);
        Assert.Contains("Đã gửi dự toán hoạt động đối ngoại.", TaskBlock(back, "IV.4.a").ToJsonString(Unescaped), StringComparison.Ordinal);
        var resent = await SubmitAsync(back, FinanceOfficer, "Đã trình phương án kinh phí: 3 hội nghị, 120 triệu đồng.");
        Assert.StartsWith("Đã ghi nhận lúc", Note(resent), StringComparison.Ordinal);
        var after = (await Conversation.SayAsync(context, Administrator, "a:admin", "tổng hợp kế hoạch đối ngoại nhân dân năm 2026")).Attachments![0].Content!.AsObject();
        var marked = after["body"]![1]!["facts"]!.AsArray().Single(f => f!["title"]!.GetValue<string>() == "Đã yêu cầu bổ sung, chưa gửi lại")!["value"]!.GetValue<string>();
        Assert.Equal("Không có", marked);
        var resentWord = await context.Client.GetByteArrayAsync(new Uri(after["actions"]![0]!["url"]!.GetValue<string>()).PathAndQuery);
        using var resentDocument = WordprocessingDocument.Open(new MemoryStream(resentWord), false);
        Assert.Contains("- Sở Tài chính (chủ trì): Đang thực hiện, 50%: Đã trình phương án kinh phí: 3 hội nghị, 120 triệu đồng.", resentDocument.MainDocumentPart!.Document.Body!.InnerText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ARoundOpenedWithoutTheChain_ShowsNoChain()
    {
        await Conversation.SayAsync(context, Administrator, "a:admin", "yêu cầu báo cáo kế hoạch đối ngoại nhân dân năm 2026");
        var cards = await StatusCardForms.WaitForAsync(context.Connector, 2);

        var answer = await SubmitAsync(cards["a:finance"], FinanceOfficer, "Đã trình phương án kinh phí.");

        Assert.DoesNotContain("Phần việc phối hợp", cards["a:foreign"].ToJsonString(Unescaped), StringComparison.Ordinal);
        Assert.DoesNotContain("phần phối hợp", answer.ToJsonString(Unescaped), StringComparison.Ordinal);
        Assert.DoesNotContain("Lưu ý", Note(answer), StringComparison.Ordinal);
    }

    private static readonly System.Text.Json.JsonSerializerOptions Unescaped = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private async Task<JsonObject> SubmitAsync(JsonObject card, string officer, string result)
    {
        var invoke = TeamsActivities.CardAction(context.Connector.ServiceUrl, "report.save", StatusCardForms.Inputs(card, "InProgress", "50", result), officer);
        invoke["id"] = Guid.NewGuid().ToString("N");
        return (await (await context.Client.PostAsJsonAsync("/api/messages", invoke)).Content.ReadFromJsonAsync<JsonObject>())!;
    }

    private static string Note(JsonObject response) => StatusCardForms.NoteOf(response);

    /// <summary>The container of one task on a status card (its first line names the task).</summary>
    private static JsonObject TaskBlock(JsonObject card, string taskId) =>
        card["body"]!.AsArray().Single(b => b?["type"]?.GetValue<string>() == "Container" && b["items"]![0]!["text"]?.GetValue<string>().StartsWith($"**{taskId}**", StringComparison.Ordinal) == true)!.AsObject();
}
