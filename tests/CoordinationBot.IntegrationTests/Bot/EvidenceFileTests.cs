using System.Net;
using System.Text;
using CoordinationBot.Core.Evidence;
using CoordinationBot.IntegrationTests.Fixtures;
using DocumentFormat.OpenXml.Packaging;
using Microsoft.Extensions.DependencyInjection;

namespace CoordinationBot.IntegrationTests.Bot;

/// <summary>
/// An officer sends a file in chat as evidence of a task ("minh chứng IV.4.a kế hoạch …"), over the wire on Azurite: it is
/// checked (kind by name and content, size, the task is the sender's agency's, a round is open), kept in blob storage,
/// and the consolidation links it (a signed link) and names it in the Word report and the Excel matrix.
/// </summary>
[Collection(AzuriteGroup.Name)]
public sealed class EvidenceFileTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const string Focal = "00000000-0000-0000-0000-0000000000f0";
    private const string FinanceOfficer = "00000000-0000-0000-0000-0000000000b1";
    private const string RoundId = "kh-2026-thuc-hien-chuong-trinh-hanh-dong-so-18-ctr-tu-ngay-1-eda8b0b041c3b260~2026-Y";
    private const string Words = "minh chứng IV.4.a kế hoạch đối ngoại nhân dân năm 2026";
    private BotTestContext context = null!;

    public async Task InitializeAsync()
    {
        context = await BotTestContext.StartAsync(azurite, new BotHostSettings(
            Importers: [Focal],
            Directory: new Dictionary<string, string> { [FinanceOfficer] = "Sở Tài chính", [Focal] = "Sở Ngoại vụ" }));
        await Conversation.ImportSeedPlanAsync(context, Focal);
        await Conversation.InstallAsync(context, (FinanceOfficer, "a:finance"), (Focal, "a:focal"));
        await Conversation.SayAsync(context, Focal, "a:focal", "yêu cầu báo cáo kế hoạch đối ngoại nhân dân năm 2026");
    }

    public async Task DisposeAsync() => await context.DisposeAsync();

    [Fact]
    public async Task AFileSentAsEvidence_IsCheckedKept_AndLinkedInTheConsolidation()
    {
        var pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n% biên bản nghiệm thu\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n");
        var program = Encoding.ASCII.GetBytes("MZ\u0090\0\u0003\0\0\0 not a pdf");

        var wrongKind = await SendAsync(FinanceOfficer, program, "bien-ban.pdf", Words);
        var notTheirs = await SendAsync(FinanceOfficer, pdf, "bien-ban.pdf", "minh chứng IX.9 kế hoạch đối ngoại nhân dân năm 2026");
        var noTask = await SendAsync(FinanceOfficer, pdf, "bien-ban.pdf", "minh chứng kế hoạch đối ngoại nhân dân");
        var stranger = await SendAsync("00000000-0000-0000-0000-0000000000ee", pdf, "bien-ban.pdf", Words);
        var tooLarge = await SendAsync(FinanceOfficer, [.. pdf, .. new byte[EvidenceKinds.MaxBytes]], "ban-quet.pdf", Words);
        Assert.StartsWith("Tệp lớn hơn 10 MB", tooLarge, StringComparison.Ordinal);
        Assert.StartsWith("Chỉ nhận tệp minh chứng .pdf, .docx, .xlsx, .jpg, .png", wrongKind, StringComparison.Ordinal);
        Assert.StartsWith("Sở Tài chính không được giao nhiệm vụ IX.9", notTheirs, StringComparison.Ordinal);
        Assert.StartsWith("Hãy gửi tệp kèm lời nhắn nêu số hiệu nhiệm vụ", noTask, StringComparison.Ordinal);
        Assert.StartsWith("Chưa xác định được cơ quan của bạn", stranger, StringComparison.Ordinal);
        var typed = await Conversation.SayAsync(context, FinanceOfficer, "a:" + FinanceOfficer, Words);
        Assert.StartsWith("Để gửi minh chứng, hãy đính kèm tệp", typed.Text, StringComparison.Ordinal);
        var evidence = context.Host.Services.GetRequiredService<IEvidenceFileStore>();
        Assert.Empty(await evidence.ListAsync(RoundId, default));

        var saved = await SendAsync(FinanceOfficer, pdf, "bien-ban.pdf", Words);

        Assert.StartsWith("Đã lưu tệp minh chứng \"bien-ban.pdf\" (1 KB) cho nhiệm vụ IV.4.a", saved, StringComparison.Ordinal);
        var file = Assert.Single(await evidence.ListAsync(RoundId, default));
        Assert.Equal(("Sở Tài chính", "IV.4.a", FinanceOfficer, (long)pdf.Length), (file.Agency, file.TaskId, file.By, file.Size));

        // The focal agency's summary links it; the link serves the same bytes; an unsigned one serves nothing.
        await Conversation.SayAsync(context, Focal, "a:focal", "tổng hợp kế hoạch đối ngoại nhân dân năm 2026");
        var summary = (await Conversation.WaitForAsync(context.Connector, r => r.Activity?.Summary?.StartsWith("Tổng hợp:", StringComparison.Ordinal) == true, 1))[0].Activity!.Attachments![0].Content!.AsObject();
        var run = summary["body"]!.AsArray().Where(b => b?["type"]?.GetValue<string>() == "RichTextBlock").SelectMany(b => b!["inlines"]!.AsArray()).First(i => i?["text"]?.GetValue<string>() == "bien-ban.pdf")!;
        var url = new Uri(run["selectAction"]!["url"]!.GetValue<string>());
        var download = await context.Client.GetAsync(url.PathAndQuery);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(pdf, await download.Content.ReadAsByteArrayAsync());
        var unsigned = await context.Client.GetAsync(url.AbsolutePath);
        Assert.NotEqual(HttpStatusCode.OK, unsigned.StatusCode);
        Assert.NotEqual(pdf, await unsigned.Content.ReadAsByteArrayAsync());

        using var word = WordprocessingDocument.Open(new MemoryStream(await GetAsync(summary["actions"]![0]!["url"]!.GetValue<string>())), false);
        Assert.Contains("(tệp minh chứng: bien-ban.pdf)", word.MainDocumentPart!.Document.Body!.InnerText, StringComparison.Ordinal);
        var appendix = word.MainDocumentPart.Document.Body.Elements<DocumentFormat.OpenXml.Wordprocessing.Table>().First(t => t.InnerText.Contains("Thời hạn thực hiện", StringComparison.Ordinal));
        Assert.Contains(appendix.Elements<DocumentFormat.OpenXml.Wordprocessing.TableRow>(), r => r.InnerText.Contains("Sở Tài chínhIV.4.a", StringComparison.Ordinal) && r.InnerText.Contains("(minh chứng: bien-ban.pdf)", StringComparison.Ordinal));
        using var workbook = SpreadsheetDocument.Open(new MemoryStream(await GetAsync(summary["actions"]![1]!["url"]!.GetValue<string>())), false);
        Assert.Contains(workbook.WorkbookPart!.WorksheetParts.SelectMany(p => p.Worksheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.Row>()), r => r.InnerText.Contains("bien-ban.pdf", StringComparison.Ordinal));
    }

    private async Task<byte[]> GetAsync(string url)
    {
        var response = await context.Client.GetAsync(new Uri(url).PathAndQuery);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsByteArrayAsync();
    }

    private Task<string> SendAsync(string user, byte[] content, string name, string words) => Conversation.SendFileAsync(context, user, content, name, words);
}
