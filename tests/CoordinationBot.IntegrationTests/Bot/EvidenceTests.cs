using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CoordinationBot.Core.StatusReports;
using CoordinationBot.IntegrationTests.Fixtures;
using DocumentFormat.OpenXml.Packaging;
using Microsoft.Extensions.DependencyInjection;

namespace CoordinationBot.IntegrationTests.Bot;

/// <summary>A task report's supporting document (issue 17 item 4, its number and date): checked, stored, and shown in the Word report and the matrix.</summary>
[Collection(AzuriteGroup.Name)]
public sealed class EvidenceTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const string Focal = "00000000-0000-0000-0000-0000000000f0";
    private const string FinanceOfficer = "00000000-0000-0000-0000-0000000000b1";
    private const string Evidence = "Kế hoạch số 123/KH-STC ngày 05/3/2026";
    private BotTestContext context = null!;

    public async Task InitializeAsync()
    {
        context = await BotTestContext.StartAsync(azurite, new BotHostSettings(Importers: [Focal], Directory: new Dictionary<string, string> { [FinanceOfficer] = "Sở Tài chính" }));
        await Conversation.ImportSeedPlanAsync(context, Focal);
        await Conversation.InstallAsync(context, (FinanceOfficer, "a:finance"));
    }

    public async Task DisposeAsync() => await context.DisposeAsync();

    [Fact]
    public async Task ADocumentCited_IsCheckedStored_AndShownInTheReportAndTheMatrix()
    {
        await Conversation.SayAsync(context, Focal, "a:focal", "yêu cầu báo cáo kế hoạch đối ngoại nhân dân năm 2026");
        var card = (await StatusCardForms.WaitForAsync(context.Connector, 1))["a:finance"];

        var notADocument = await SendAsync(card, "đã có văn bản");
        var notADate = await SendAsync(card, "Kế hoạch số 123/KH-STC ngày 31/02/2026");
        using (var scope = context.Host.Services.CreateScope())
        {
            Assert.Empty(await scope.ServiceProvider.GetRequiredService<IStatusReportStore>().GetAllReportsAsync(card["actions"]![0]!["data"]!["roundId"]!.GetValue<string>(), default));
        }

        Assert.Contains("ghi số, ký hiệu văn bản kiểm chứng", StatusCardForms.NoteOf(notADocument), StringComparison.Ordinal);
        Assert.Contains("ngày ban hành có thật", StatusCardForms.NoteOf(notADate), StringComparison.Ordinal);
        Assert.Contains("đã có văn bản", notADocument.ToJsonString(new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }), StringComparison.Ordinal);

        Assert.StartsWith("Đã ghi nhận lúc", StatusCardForms.NoteOf(await SendAsync(card, Evidence)), StringComparison.Ordinal);
        var summary = (await Conversation.SayAsync(context, Focal, "a:focal", "tổng hợp kế hoạch đối ngoại nhân dân năm 2026")).Attachments![0].Content!.AsObject();
        var word = await context.Client.GetByteArrayAsync(new Uri(summary["actions"]![0]!["url"]!.GetValue<string>()).PathAndQuery);
        using (var document = WordprocessingDocument.Open(new MemoryStream(word), false))
        {
            Assert.Contains($"(văn bản kiểm chứng: {Evidence})", document.MainDocumentPart!.Document.Body!.InnerText, StringComparison.Ordinal);
        }

        var excel = await context.Client.GetByteArrayAsync(new Uri(summary["actions"]![1]!["url"]!.GetValue<string>()).PathAndQuery);
        using var workbook = SpreadsheetDocument.Open(new MemoryStream(excel), false);
        Assert.Contains(workbook.WorkbookPart!.WorksheetParts.SelectMany(p => p.Worksheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.Cell>()), c => c.InnerText == Evidence);
    }

    private async Task<JsonObject> SendAsync(JsonObject card, string evidence)
    {
        var inputs = StatusCardForms.Inputs(card, "Done", "100", "Đã ban hành kế hoạch bố trí kinh phí.");
        for (var i = 0; i < StatusCardForms.TasksOf(card).Count; i++)
        {
            inputs[$"evidence_{i}"] = evidence;
        }

        var invoke = TeamsActivities.CardAction(context.Connector.ServiceUrl, "report.save", inputs, FinanceOfficer);
        invoke["id"] = Guid.NewGuid().ToString("N");
        return (await (await context.Client.PostAsJsonAsync("/api/messages", invoke)).Content.ReadFromJsonAsync<JsonObject>())!;
    }
}
