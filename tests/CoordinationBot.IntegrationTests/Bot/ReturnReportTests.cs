using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using CoordinationBot.Core.StatusReports;
using CoordinationBot.IntegrationTests.Fixtures;
using DocumentFormat.OpenXml.Packaging;
using Microsoft.Extensions.DependencyInjection;

namespace CoordinationBot.IntegrationTests.Bot;

/// <summary>
/// Return for revision (issue 17 item 2): the focal agency returns one agency's report from the summary card with a
/// comment; the agency's officers get their card back showing it, edit and resend; every version is kept; the
/// consolidation marks the report returned until it is resent. Over the wire, on Azurite.
/// </summary>
[Collection(AzuriteGroup.Name)]
public sealed class ReturnReportTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const string Focal = "00000000-0000-0000-0000-0000000000f0";
    private const string FinanceOfficer = "00000000-0000-0000-0000-0000000000b1";
    private const string HealthOfficer = "00000000-0000-0000-0000-0000000000c1";
    private const string Comment = "Đề nghị bổ sung số liệu kinh phí đã bố trí cho từng hoạt động.";
    private BotTestContext context = null!;
    private string roundId = null!;

    public async Task InitializeAsync()
    {
        context = await BotTestContext.StartAsync(azurite, new BotHostSettings(
            Importers: [Focal],
            Directory: new Dictionary<string, string> { [Focal] = "Sở Ngoại vụ", [FinanceOfficer] = "Sở Tài chính", [HealthOfficer] = "Sở Y tế" }));
        var stored = await Conversation.ImportSeedPlanAsync(context, Focal);
        roundId = ReportingRound.IdFor(stored.Key, ReportingPeriod.WholeYear(2026));

        await Conversation.InstallAsync(context, (FinanceOfficer, "a:finance"));
        await Conversation.SayAsync(context, Focal, "a:focal", "yêu cầu báo cáo kế hoạch đối ngoại nhân dân năm 2026");
        await StatusCardForms.WaitForAsync(context.Connector, 1);
    }

    public async Task DisposeAsync() => await context.DisposeAsync();

    [Fact]
    public async Task AReturnedReport_ComesBackToTheAgencyWithTheComment_IsMarkedUntilResent_AndEveryVersionIsKept()
    {
        var first = await SubmitAsync(Card(), "40", "Đã bố trí kinh phí.");

        var summary = await ConsolidateAsync();
        Assert.Equal("Không có", Fact(summary, "Đã yêu cầu bổ sung, chưa gửi lại"));
        var form = summary["actions"]!.AsArray().Single(a => a!["type"]!.GetValue<string>() == "Action.ShowCard")!["card"]!.AsObject();
        Assert.Equal(["Sở Tài chính"], form["body"]![0]!["choices"]!.AsArray().Select(c => c!["value"]!.GetValue<string>()));
        var send = form["actions"]![0]!;
        Assert.Equal("report.return", send["verb"]!.GetValue<string>());

        context.Connector.Requests.Clear();
        var answer = await ReturnAsync(send["data"]!.AsObject(), "Sở Tài chính", Comment, Focal);
        Assert.Equal("application/vnd.microsoft.activity.message", answer["type"]!.GetValue<string>());
        Assert.Contains("Đã trả lại báo cáo của Sở Tài chính", answer["value"]!.GetValue<string>(), StringComparison.Ordinal);

        // The card goes back into the agency's chat: the comment shown as typed, what was saved prefilled, still editable.
        var returned = (await StatusCardForms.WaitForAsync(context.Connector, 1))["a:finance"];
        var banner = returned["body"]!.AsArray().Single(b => b?["style"]?.GetValue<string>() == "attention")!;
        Assert.StartsWith("Yêu cầu bổ sung của Sở Ngoại vụ", banner["items"]![0]!["text"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(Comment, banner["items"]![1]!["inlines"]![0]!["text"]!.GetValue<string>());
        Assert.Contains("\"value\":40", returned.ToJsonString(), StringComparison.Ordinal);

        summary = await ConsolidateAsync();
        Assert.Equal("Sở Tài chính", Fact(summary, "Đã yêu cầu bổ sung, chưa gửi lại"));
        var word = await DownloadTextAsync(summary, 0);
        Assert.Contains("đã được yêu cầu bổ sung nhưng chưa gửi lại: Sở Tài chính (yêu cầu ngày", word, StringComparison.Ordinal);
        Assert.Contains(", 40%: Đã bố trí kinh phí. (đã yêu cầu bổ sung, chưa gửi lại)", word, StringComparison.Ordinal);
        Assert.All(word.Split('\n').Where(l => l.EndsWith("(đã yêu cầu bổ sung, chưa gửi lại)", StringComparison.Ordinal)), l => Assert.StartsWith("- Sở Tài chính (", l, StringComparison.Ordinal));
        Assert.Contains(Comment, await DownloadTextAsync(summary, 1), StringComparison.Ordinal);

        // Resent from the returned card: the mark goes, and both versions of the report stay in its history.
        await SubmitAsync(returned, "70", "Đã bố trí 120 triệu đồng cho 3 hội nghị.");
        Assert.NotEqual(first, returned["actions"]![0]!["data"]!["etags"]!.ToJsonString());
        summary = await ConsolidateAsync();
        Assert.Equal("Không có", Fact(summary, "Đã yêu cầu bổ sung, chưa gửi lại"));
        Assert.Equal(2, await HistoryCountAsync("Sở Tài chính~IV.4.a"));
        using var scope = context.Host.Services.CreateScope();
        Assert.Single(await scope.ServiceProvider.GetRequiredService<IReportReturnStore>().ListAsync(roundId, default));
    }

    [Fact]
    public async Task BadReturns_GetAClearAnswer_AndNothingIsStored()
    {
        await SubmitAsync(Card(), "40", "Đã bố trí kinh phí.");
        var data = new JsonObject { ["roundId"] = roundId };

        var tooLong = await ReturnAsync(data, "Sở Tài chính", new string('x', 4000), Focal);
        var empty = await ReturnAsync(data, "Sở Tài chính", "   ", Focal);
        var notReported = await ReturnAsync(data, "Sở Y tế", Comment, Focal);
        var forged = await ReturnAsync(data, "Sở Tài chính<script>", Comment, Focal);
        var notFocal = await ReturnAsync(data, "Sở Tài chính", Comment, HealthOfficer);
        var unknownRound = await ReturnAsync(new JsonObject { ["roundId"] = "khong-co~2026-Y" }, "Sở Tài chính", Comment, Focal);

        Assert.Contains("dài 4000 ký tự, tối đa 1000 ký tự", Text(tooLong), StringComparison.Ordinal);
        Assert.Contains("Hãy ghi nội dung cần bổ sung", Text(empty), StringComparison.Ordinal);
        Assert.Contains("“Sở Y tế” chưa có báo cáo trong đợt này", Text(notReported), StringComparison.Ordinal);
        Assert.Contains("chưa có báo cáo trong đợt này", Text(forged), StringComparison.Ordinal);
        Assert.Contains("Sở Ngoại vụ", Text(notFocal), StringComparison.Ordinal);
        Assert.Contains("yêu cầu bổ sung báo cáo", Text(notFocal), StringComparison.Ordinal);
        Assert.DoesNotContain("Đã trả lại", Text(unknownRound), StringComparison.Ordinal);
        using (var scope = context.Host.Services.CreateScope())
        {
            Assert.Empty(await scope.ServiceProvider.GetRequiredService<IReportReturnStore>().ListAsync(roundId, default));
        }

        // After the round is closed nothing can be returned (its agencies could not resend).
        await Conversation.SayAsync(context, Focal, "a:focal", "đóng đợt báo cáo kế hoạch đối ngoại nhân dân năm 2026");
        Assert.Contains("Đợt báo cáo đã đóng", Text(await ReturnAsync(data, "Sở Tài chính", Comment, Focal)), StringComparison.Ordinal);
        using (var scope = context.Host.Services.CreateScope())
        {
            Assert.Empty(await scope.ServiceProvider.GetRequiredService<IReportReturnStore>().ListAsync(roundId, default));
        }
    }

    private JsonObject Card() => StatusCardForms.Posted(context.Connector)["a:finance"];

    /// <summary>Sends the finance department's card with its one task filled in; returns the versions it carried.</summary>
    private async Task<string> SubmitAsync(JsonObject card, string percent, string result)
    {
        var data = StatusCardForms.Inputs(card, "InProgress", percent, result);
        var invoke = TeamsActivities.CardAction(context.Connector.ServiceUrl, "report.save", data, FinanceOfficer);
        invoke["id"] = Guid.NewGuid().ToString("N"); // each press is its own invoke
        var response = await (await context.Client.PostAsJsonAsync("/api/messages", invoke)).Content.ReadFromJsonAsync<JsonObject>();
        Assert.StartsWith("Đã ghi nhận lúc", StatusCardForms.NoteOf(response!), StringComparison.Ordinal);
        return data["etags"]!.ToJsonString();
    }

    private async Task<JsonObject> ReturnAsync(JsonObject data, string agency, string comment, string from)
    {
        var inputs = data.DeepClone().AsObject();
        inputs["agency"] = agency;
        inputs["comment"] = comment;
        var invoke = TeamsActivities.CardAction(context.Connector.ServiceUrl, "report.return", inputs, from);
        return (await (await context.Client.PostAsJsonAsync("/api/messages", invoke)).Content.ReadFromJsonAsync<JsonObject>())!;
    }

    private async Task<JsonObject> ConsolidateAsync() =>
        (await Conversation.SayAsync(context, Focal, "a:focal", "tổng hợp kế hoạch đối ngoại nhân dân năm 2026")).Attachments![0].Content!.AsObject();

    private async Task<string> DownloadTextAsync(JsonObject summary, int action)
    {
        var bytes = await context.Client.GetByteArrayAsync(new Uri(summary["actions"]![action]!["url"]!.GetValue<string>()).PathAndQuery);
        if (action == 0)
        {
            using var word = WordprocessingDocument.Open(new MemoryStream(bytes), false);
            return string.Join('\n', word.MainDocumentPart!.Document.Body!.Descendants<DocumentFormat.OpenXml.Wordprocessing.Paragraph>().Select(p => p.InnerText));
        }

        using var excel = SpreadsheetDocument.Open(new MemoryStream(bytes), false);
        return string.Join('\n', excel.WorkbookPart!.WorksheetParts.SelectMany(p => p.Worksheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.Row>()).Select(r => r.InnerText));
    }

    private async Task<int> HistoryCountAsync(string subject)
    {
        var table = new TableClient(azurite.ConnectionString, context.Host.TablePrefix + "reports");
        var count = 0;
        await foreach (var _ in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"Subject eq {subject}")))
        {
            count++;
        }

        return count;
    }

    private static string Fact(JsonObject card, string title) =>
        card["body"]![1]!["facts"]!.AsArray().Single(f => f!["title"]!.GetValue<string>() == title)!["value"]!.GetValue<string>();

    private static string Text(JsonObject invokeResponse) => invokeResponse["value"]!.GetValue<string>();
}
