using System.Net;
using System.Text;
using CoordinationBot.IntegrationTests.Fixtures;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace CoordinationBot.IntegrationTests.Bot;

/// <summary>
/// The focal agency sends its own report template (.docx with placeholders) in chat, over the wire on Azurite; its
/// consolidated report is then written into it: the template's letterhead, the placeholders filled, the sections and
/// the appendix where <c>{{noi_dung}}</c> stood. Other agencies and files that are no template are refused.
/// </summary>
[Collection(AzuriteGroup.Name)]
public sealed class ReportTemplateTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const string Focal = "00000000-0000-0000-0000-0000000000f0";
    private const string FinanceOfficer = "00000000-0000-0000-0000-0000000000b1";
    private BotTestContext context = null!;

    public async Task InitializeAsync()
    {
        context = await BotTestContext.StartAsync(azurite, new BotHostSettings(
            Importers: [Focal],
            Administrators: [],
            Directory: new Dictionary<string, string> { [FinanceOfficer] = "Sở Tài chính", [Focal] = "Sở Ngoại vụ" }));
        await Conversation.ImportSeedPlanAsync(context, Focal);
        await Conversation.InstallAsync(context, (FinanceOfficer, "a:finance"), (Focal, "a:focal"));
        await Conversation.SayAsync(context, Focal, "a:focal", "yêu cầu báo cáo kế hoạch đối ngoại nhân dân năm 2026");
    }

    public async Task DisposeAsync() => await context.DisposeAsync();

    [Fact]
    public async Task TheFocalAgencysOwnTemplate_CarriesItsReport_WithThePlaceholdersFilled()
    {
        var template = Template(withContent: true);
        Assert.StartsWith("Để dùng mẫu báo cáo riêng, hãy đính kèm tệp .docx", (await Conversation.SayAsync(context, Focal, "a:" + Focal, "mẫu báo cáo")).Text, StringComparison.Ordinal);
        Assert.StartsWith("Chỉ cơ quan đầu mối của một kế hoạch", await SendAsync(FinanceOfficer, template, "mau.docx"), StringComparison.Ordinal);
        Assert.StartsWith("Mẫu báo cáo phải là tệp Word .docx", await SendAsync(Focal, Encoding.UTF8.GetBytes("{{noi_dung}}"), "mau.txt"), StringComparison.Ordinal);
        Assert.StartsWith("Mẫu báo cáo phải là tệp Word .docx", await SendAsync(Focal, Encoding.UTF8.GetBytes("PK not a zip"), "mau.docx"), StringComparison.Ordinal);
        Assert.StartsWith("Mẫu chưa có chỗ cho nội dung báo cáo. Hãy gõ {{noi_dung}}", await SendAsync(Focal, Template(withContent: false), "mau.docx"), StringComparison.Ordinal);
        Assert.StartsWith("Mẫu báo cáo quá lớn khi giải nén", await SendAsync(Focal, Bomb(), "mau.docx"), StringComparison.Ordinal);

        Assert.StartsWith("Đã lưu mẫu báo cáo \"mau-snv.docx\" của Sở Ngoại vụ", await SendAsync(Focal, template, "mau-snv.docx"), StringComparison.Ordinal);

        await Conversation.SayAsync(context, Focal, "a:focal", "tổng hợp kế hoạch đối ngoại nhân dân năm 2026");
        var card = (await Conversation.WaitForAsync(context.Connector, r => r.Activity?.Summary?.StartsWith("Tổng hợp:", StringComparison.Ordinal) == true, 1))[0].Activity!.Attachments![0].Content!.AsObject();
        var response = await context.Client.GetAsync(new Uri(card["actions"]![0]!["url"]!.GetValue<string>()).PathAndQuery);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var report = await response.Content.ReadAsByteArrayAsync();
        await File.WriteAllBytesAsync(Path.Combine(AppContext.BaseDirectory, "template-report.docx"), report);
        using var document = WordprocessingDocument.Open(new MemoryStream(report), false);
        var body = document.MainDocumentPart!.Document.Body!.InnerText;
        Assert.Contains("TRUNG TÂM HÀNH CHÍNH CÔNG — MẪU CỦA SỞ NGOẠI VỤ", document.MainDocumentPart.HeaderParts.Single().Header!.InnerText, StringComparison.Ordinal);
        Assert.Contains("Số:        /BC-SNV", body, StringComparison.Ordinal);
        Assert.Contains("Kính gửi: Ủy ban nhân dân tỉnh Tuyên Quang.", body, StringComparison.Ordinal);
        Assert.Contains("I. KẾT QUẢ THỰC HIỆN", body, StringComparison.Ordinal);
        Assert.Contains("PHỤ LỤC", body, StringComparison.Ordinal);
        Assert.Contains("GIÁM ĐỐC", body, StringComparison.Ordinal);
        Assert.DoesNotContain("{{", body, StringComparison.Ordinal);
        Assert.DoesNotContain("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", body, StringComparison.Ordinal);
        Assert.True(body.IndexOf("Kính gửi", StringComparison.Ordinal) < body.IndexOf("I. KẾT QUẢ THỰC HIỆN", StringComparison.Ordinal));
        Assert.True(body.IndexOf("I. KẾT QUẢ THỰC HIỆN", StringComparison.Ordinal) < body.IndexOf("Người ký mẫu", StringComparison.Ordinal));
        Assert.True(body.IndexOf("Người ký mẫu", StringComparison.Ordinal) < body.IndexOf("PHỤ LỤC", StringComparison.Ordinal), "the appendix follows the signing block");
    }

    /// <summary>A small .docx whose one entry unpacks to 80 MB of zeros.</summary>
    private static byte[] Bomb()
    {
        using var stream = new MemoryStream();
        using (var zip = new System.IO.Compression.ZipArchive(stream, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true))
        {
            using var entry = zip.CreateEntry("word/document.xml", System.IO.Compression.CompressionLevel.SmallestSize).Open();
            var zeros = new byte[1024 * 1024];
            for (var i = 0; i < 80; i++)
            {
                entry.Write(zeros);
            }
        }

        return stream.ToArray();
    }

    /// <summary>A template as an agency would make it: its own header, and placeholders, one split over two runs as Word does.</summary>
    private static byte[] Template(bool withContent)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            var header = main.AddNewPart<HeaderPart>();
            header.Header = new W.Header(new W.Paragraph(new W.Run(new W.Text("TRUNG TÂM HÀNH CHÍNH CÔNG — MẪU CỦA SỞ NGOẠI VỤ"))));
            W.Paragraph P(params string[] runs) => new([.. runs.Select(r => new W.Run(new W.RunProperties(new W.Bold()), new W.Text(r) { Space = SpaceProcessingModeValues.Preserve }))]);
            var body = new W.Body(
                P("{{s", "o}}"), P("{{ngay}}"), P("BÁO CÁO"), P("{{trich_yeu}}"), P("{{ky_bao_cao}}"), P("{{kinh_gui}}"));
            if (withContent)
            {
                body.Append(P("{{noi_dung}}"));
            }

            body.Append(P("Người ký mẫu:"), P("{{nguoi_ky}}"), new W.SectionProperties(new W.HeaderReference { Type = W.HeaderFooterValues.Default, Id = main.GetIdOfPart(header) }));
            main.Document = new W.Document(body);
        }

        return stream.ToArray();
    }

    private Task<string> SendAsync(string user, byte[] content, string name) => Conversation.SendFileAsync(context, user, content, name, "mẫu báo cáo");
}
