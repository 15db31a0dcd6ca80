using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CoordinationBot.Core.Plans.Import;
using CoordinationBot.IntegrationTests.Fixtures;
using DocumentFormat.OpenXml.Packaging;
using Microsoft.Extensions.DependencyInjection;
using W = DocumentFormat.OpenXml.Wordprocessing;
using X = DocumentFormat.OpenXml.Spreadsheet;

namespace CoordinationBot.IntegrationTests.Bot;

/// <summary>"tổng hợp": the summary card, the Word draft and the Excel matrix behind signed links, and reminders at once.</summary>
[Collection(AzuriteGroup.Name)]
public sealed class ConsolidationTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const string Focal = "00000000-0000-0000-0000-0000000000f0";
    private const string ForeignOfficer = "00000000-0000-0000-0000-0000000000a2";
    private const string FinanceOfficer = "00000000-0000-0000-0000-0000000000b1";
    private const string RoundId = "kh-2026-thuc-hien-chuong-trinh-hanh-dong-so-18-ctr-tu-ngay-1-eda8b0b041c3b260~2026-Y";
    private BotTestContext context = null!;
    private CoordinationBot.Core.Plans.Plan plan = null!;

    public async Task InitializeAsync()
    {
        context = await BotTestContext.StartAsync(azurite, new BotHostSettings(
            Importers: [Focal],
            Directory: new Dictionary<string, string> { [ForeignOfficer] = "Sở Ngoại vụ", [FinanceOfficer] = "Sở Tài chính", [Focal] = "Sở Ngoại vụ" }));
        plan = (await Conversation.ImportSeedPlanAsync(context, Focal)).Plan;

        await Conversation.InstallAsync(context, (ForeignOfficer, "a:foreign"), (FinanceOfficer, "a:finance"));

        await FocalSaysAsync("yêu cầu báo cáo kế hoạch đối ngoại nhân dân năm 2026");
    }

    public async Task DisposeAsync() => await context.DisposeAsync();

    [Fact]
    public async Task Consolidation_GivesTheSummary_AndADraftReportAndMatrix_WithEveryAgencyAndTask()
    {
        await SubmitFinanceAsync();

        var card = (await FocalSaysAsync("tổng hợp kế hoạch đối ngoại nhân dân năm 2026")).Attachments![0].Content!.AsObject();

        // "Các sở, ban, ngành" (tasks III, IV.1) is expected as each department, not as one name no one can report under.
        var reporters = context.Host.Services.GetRequiredService<CoordinationBot.Core.Plans.PlanReporters>();
        var expected = reporters.Expected(plan);
        Assert.DoesNotContain("Các sở, ban, ngành", expected);
        Assert.Contains("Sở Y tế", expected);
        Assert.DoesNotContain(plan.Tasks.SelectMany(t => t.Assignments), a => a.Agency == "Sở Y tế");
        int summaryRows(CoordinationBot.Core.Plans.Plan p) => p.Tasks.Sum(t => t.Assignments.Sum(a => reporters.ReportersOf(a, expected).Count));
        var facts = card["body"]![1]!["facts"]!.AsArray();
        Assert.Contains(facts, f => f!["title"]!.GetValue<string>() == "Thời hạn (cơ quan × nhiệm vụ)");
        Assert.Contains(card["body"]!.AsArray(), b => b?["text"]?.GetValue<string>() == "Xếp hạng đúng hạn");
        Assert.Equal($"1/{expected.Count}", facts[1]!["value"]!.GetValue<string>());
        // Report text is shown as typed: a markdown link in it is a text run (never markdown), not a link in a text block.
        var quote = Assert.Single(card["body"]!.AsArray(), b => b?["type"]?.GetValue<string>() == "RichTextBlock" && b["inlines"]!.AsArray().Count > 1 && b["inlines"]![1]!["text"]!.GetValue<string>().Contains("Thiếu kinh phí năm 2026. [Xem tại đây](https://evil.example/x) **gấp**", StringComparison.Ordinal));
        Assert.Equal("Sở Tài chính", quote!["inlines"]![0]!["text"]!.GetValue<string>());
        Assert.DoesNotContain(card["body"]!.AsArray(), b => b?["type"]?.GetValue<string>() != "RichTextBlock" && b!.ToJsonString().Contains("evil.example", StringComparison.Ordinal));

        var word = await DownloadAsync(card["actions"]![0]!["url"]!.GetValue<string>());
        // Kept beside the test binaries to be looked at (LibreOffice: soffice --headless --convert-to pdf).
        await File.WriteAllBytesAsync(Path.Combine(AppContext.BaseDirectory, "consolidation-report.docx"), word);
        using (var document = WordprocessingDocument.Open(new MemoryStream(word), false))
        {
            var body = document.MainDocumentPart!.Document.Body!;
            var text = body.InnerText;
            Assert.Contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", text, StringComparison.Ordinal);
            Assert.Contains("BÁO CÁO", text, StringComparison.Ordinal);
            Assert.Contains("Số cơ quan, đơn vị đã báo cáo: 1/" + expected.Count, text, StringComparison.Ordinal);
            Assert.All(expected, agency => Assert.Contains(agency, text, StringComparison.Ordinal));
            Assert.All(plan.Tasks.Where(t => t.Assignments.Count > 0), task => Assert.Contains($"(nhiệm vụ {task.Id}", text, StringComparison.Ordinal));
            // Issued by the plan's focal agency under its committee, to the committee the plan reports to, signed by its head.
            Assert.Contains("UBND TỈNH TUYÊN QUANGSỞ NGOẠI VỤ", text, StringComparison.Ordinal);
            Assert.Contains("Số:        /BC-SNV", text, StringComparison.Ordinal);
            Assert.Contains("Kính gửi: Ủy ban nhân dân tỉnh Tuyên Quang.", text, StringComparison.Ordinal);
            // The sections of Phụ lục I in their order; results grouped by the plan's own sections.
            string[] sections = ["I. KẾT QUẢ THỰC HIỆN", "1. Tình hình chung", "2. Kết quả thực hiện các nhiệm vụ", "a) Nhiệm vụ, giải pháp", "b) Tổ chức thực hiện", "II. TỒN TẠI, HẠN CHẾ VÀ NGUYÊN NHÂN", "III. PHƯƠNG HƯỚNG, NHIỆM VỤ KỲ TỚI", "IV. ĐỀ XUẤT, KIẾN NGHỊ"];
            var paragraphs = body.Elements<W.Paragraph>().Select(p => p.InnerText).ToList();
            var at = sections.Select(h => paragraphs.IndexOf(h)).ToList();
            Assert.True(at.All(i => i >= 0) && at.SequenceEqual(at.Order()), string.Join(", ", sections.Zip(at)));
            // On-time status per part, counted in section I, per row of the appendix, and each agency ranked in Phụ lục 2.
            Assert.Contains("Tình hình thực hiện theo thời hạn (cơ quan × nhiệm vụ): hoàn thành đúng hạn", text, StringComparison.Ordinal);
            Assert.Contains("Xếp hạng đúng hạn: 1. ", text, StringComparison.Ordinal);
            var tables = body.Elements<W.Table>().ToList();
            Assert.Equal("Thời hạn thực hiện", tables[^2].Elements<W.TableRow>().First().Elements<W.TableCell>().Last().InnerText);
            Assert.Equal(summaryRows(plan) + 1, tables[^2].Elements<W.TableRow>().Count());
            Assert.Equal(expected.Count + 1, tables[^1].Elements<W.TableRow>().Count());
            Assert.Contains("PHỤ LỤC 2: XẾP HẠNG THỰC HIỆN ĐÚNG HẠN THEO CƠ QUAN", text, StringComparison.Ordinal);
            Assert.EndsWith("GIÁM ĐỐC", body.Elements<W.Table>().Skip(1).First().InnerText, StringComparison.Ordinal);
            Assert.DoesNotContain("CHỦ TỊCH", text, StringComparison.Ordinal);
            // Page numbers in the header, from the second page.
            Assert.Contains(" PAGE ", document.MainDocumentPart.HeaderParts.Single().Header!.Descendants<W.SimpleField>().Single().Instruction!.Value!, StringComparison.Ordinal);
            var section = body.Elements<W.SectionProperties>().Single();
            Assert.Equal(11906U, section.GetFirstChild<W.PageSize>()!.Width!.Value);
            Assert.Equal(1701U, section.GetFirstChild<W.PageMargin>()!.Left!.Value);
            Assert.NotNull(section.GetFirstChild<W.TitlePage>());
            var defaults = document.MainDocumentPart.StyleDefinitionsPart!.Styles!.DocDefaults!.RunPropertiesDefault!.RunPropertiesBaseStyle!;
            Assert.Equal("Times New Roman", defaults.RunFonts!.Ascii!.Value);
            Assert.Equal("28", defaults.FontSize!.Val!.Value);
            Assert.Empty(body.Descendants<W.RunFonts>());
            var invalid = new DocumentFormat.OpenXml.Validation.OpenXmlValidator().Validate(document).ToList();
            Assert.True(invalid.Count == 0, string.Join("\n", invalid.Take(5).Select(e => e.Description + " @ " + e.Path?.XPath)));
        }

        var excel = await DownloadAsync(card["actions"]![1]!["url"]!.GetValue<string>());
        await File.WriteAllBytesAsync(Path.Combine(AppContext.BaseDirectory, "consolidation-matrix.xlsx"), excel);
        using (var workbook = SpreadsheetDocument.Open(new MemoryStream(excel), false))
        {
            var sheetIds = workbook.WorkbookPart!.Workbook.Sheets!.Elements<X.Sheet>().ToList();
            Assert.Equal(["Tổng hợp", "Theo cơ quan"], sheetIds.Select(s => s.Name!.Value));
            var sheet = ((WorksheetPart)workbook.WorkbookPart.GetPartById(sheetIds[0].Id!.Value!)).Worksheet;
            var agencies = ((WorksheetPart)workbook.WorkbookPart.GetPartById(sheetIds[1].Id!.Value!)).Worksheet;
            Assert.Equal(expected.Count + 1, agencies.Descendants<X.Row>().Count());
            // A bold header; a due day is an Excel date (the built-in date format), not text.
            var header = sheet.Descendants<X.Row>().First().Elements<X.Cell>().ToList();
            Assert.All(header, c => Assert.Equal(1U, c.StyleIndex!.Value));
            Assert.Equal(["Thời hạn thực hiện", "Quá hạn", "Yêu cầu bổ sung (chưa gửi lại)", "Văn bản kiểm chứng", "Giải trình chậm báo cáo", "Tệp minh chứng"], header.TakeLast(6).Select(c => c.InnerText));
            // (The seed plan gives no day: its due cells are empty; the roll-up test below checks a dated one.)
            var rows = sheet.Descendants<X.Row>().ToList();
            Assert.Equal(1 + summaryRows(plan), rows.Count);
            // One row for each task the group is given, for each of its departments.
            Assert.Equal(plan.Tasks.Count(t => t.Assignments.Any(a => a.Agency == "Các sở, ban, ngành")), rows.Count(r => r.InnerText.Contains("Sở Y tế", StringComparison.Ordinal)));
            Assert.NotNull(sheet.GetFirstChild<X.AutoFilter>());
            Assert.Equal(X.PaneStateValues.Frozen, sheet.Descendants<X.Pane>().Single().State!.Value);
            Assert.Contains(rows, r => r.InnerText.Contains("Sở Tài chính", StringComparison.Ordinal) && r.InnerText.Contains("Đã bố trí kinh phí.", StringComparison.Ordinal));
            // The sheet is written as it goes; what Excel reads must still be valid against the schema.
            Assert.Empty(new DocumentFormat.OpenXml.Validation.OpenXmlValidator().Validate(workbook));
        }
    }

    [Fact]
    public async Task ProvinceConsolidation_RollsUpTheReportsOfCommunePlansThatImplementIt_MarkedByCommune()
    {
        const string Province = """
            ỦY BAN NHÂN DÂN
            TỈNH MẪU
            Số: 50/KH-UBND
            Tỉnh Mẫu, ngày 09 tháng 02 năm 2026
            KẾ HOẠCH
            Số hóa tài liệu lưu trữ năm 2026
            III. TỔ CHỨC THỰC HIỆN
            1. Sở Nội vụ
            a) Chủ trì số hóa hồ sơ lưu trữ lịch sử của tỉnh, hoàn thành trước ngày 30/9/2026.
            b) Chủ trì tập huấn nghiệp vụ văn thư cho cán bộ.
            """;
        const string Commune = """
            ỦY BAN NHÂN DÂN
            XÃ HÒA MẪU
            Số: 14/KH-UBND
            Hòa Mẫu, ngày 01 tháng 3 năm 2026
            KẾ HOẠCH
            Số hóa tài liệu lưu trữ trên địa bàn xã năm 2026
            Căn cứ Kế hoạch số 50/KH-UBND ngày 09/02/2026 của Ủy ban nhân dân tỉnh;
            II. TỔ CHỨC THỰC HIỆN
            1. Công an xã
            a) Chủ trì số hóa hồ sơ lưu trữ lịch sử trên địa bàn xã.
            """;
        var services = context.Host.Services;
        using (var scope = services.CreateScope())
        {
            var import = scope.ServiceProvider.GetRequiredService<ImportPlanHandler>();
            await import.HandleAsync(new ImportPlanRequest(System.Text.Encoding.UTF8.GetBytes(Province), "50.txt", Focal), default);
            await import.HandleAsync(new ImportPlanRequest(System.Text.Encoding.UTF8.GetBytes(Commune), "14.txt", Focal), default);
        }

        var store = services.GetRequiredService<CoordinationBot.Core.StatusReports.IStatusReportStore>();
        var period = CoordinationBot.Core.StatusReports.ReportingPeriod.WholeYear(2026);
        foreach (var key in new[] { "50-kh-ubnd", "14-kh-ubnd" })
        {
            await store.AddRoundAsync(new CoordinationBot.Core.StatusReports.ReportingRound(CoordinationBot.Core.StatusReports.ReportingRound.IdFor(key, period), key, 1, period, new DateOnly(2026, 12, 15), Focal, DateTimeOffset.UtcNow, CoordinationBot.Core.StatusReports.RoundState.Open, null), default);
        }

        var communeReport = new CoordinationBot.Core.StatusReports.StatusReport("14-kh-ubnd~2026-Y", "Công an xã", "II.1.a", CoordinationBot.Core.StatusReports.ProgressStatus.Done, 100, "Đã số hóa 500 hồ sơ.", "", "", "cán bộ xã", DateTimeOffset.UtcNow);
        await store.SaveReportsAsync([communeReport], new Dictionary<string, string?> { ["II.1.a"] = null }, null, null, default);

        using var consolidate = services.CreateScope();
        var round = await store.GetRoundAsync("50-kh-ubnd~2026-Y", default);
        var summary = await consolidate.ServiceProvider.GetRequiredService<CoordinationBot.Core.Consolidation.ConsolidateHandler>().SummarizeAsync(round!, default);

        var lower = Assert.Single(summary!.LowerLevels);
        Assert.Equal("III.1.a", lower.MatchedTaskId);
        Assert.Contains("XÃ HÒA MẪU", lower.Issuer, StringComparison.Ordinal);
        var word = CoordinationBot.Documents.Reports.ConsolidationDocument.Write(summary);
        using var document = WordprocessingDocument.Open(new MemoryStream(word), false);
        Assert.Contains("[ỦY BAN NHÂN DÂN XÃ HÒA MẪU] Công an xã: Hoàn thành, 100%: Đã số hóa 500 hồ sơ.", document.MainDocumentPart!.Document.Body!.InnerText, StringComparison.Ordinal);

        // A due day is an Excel date (the built-in date format), not text; the appendix gives it too.
        using var workbook = SpreadsheetDocument.Open(new MemoryStream(CoordinationBot.Documents.Reports.ConsolidationWorkbook.Write(summary)), false);
        var rows = workbook.WorkbookPart!.WorksheetParts.First().Worksheet.Descendants<X.Row>();
        var dueCell = rows.First(r => r.Elements<X.Cell>().ElementAt(2).InnerText == "III.1.a").Elements<X.Cell>().ElementAt(4);
        Assert.Equal(2U, dueCell.StyleIndex!.Value);
        Assert.Equal(new DateOnly(2026, 9, 30), DateOnly.FromDateTime(DateTime.FromOADate(double.Parse(dueCell.CellValue!.Text, System.Globalization.CultureInfo.InvariantCulture))));
        Assert.Contains("30/09/2026", document.MainDocumentPart.Document.Body.Elements<W.Table>().First(t => t.InnerText.Contains("Thời hạn thực hiện", StringComparison.Ordinal)).InnerText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AskedToBeSignedByADeputy_TheReportSaysKtAndTheDeputysTitle()
    {
        var card = (await FocalSaysAsync("tổng hợp kế hoạch đối ngoại nhân dân năm 2026 ký thay")).Attachments![0].Content!.AsObject();

        using var document = WordprocessingDocument.Open(new MemoryStream(await DownloadAsync(card["actions"]![0]!["url"]!.GetValue<string>())), false);
        var signing = document.MainDocumentPart!.Document.Body!.Elements<W.Table>().Skip(1).First().InnerText;
        Assert.EndsWith("KT. GIÁM ĐỐCPHÓ GIÁM ĐỐC", signing, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AReportStoredWithTextXmlCannotHold_DoesNotBreakTheConsolidation()
    {
        // As a report saved before text was cleaned on the way in would be: noncharacters and a control character.
        var store = context.Host.Services.GetRequiredService<CoordinationBot.Core.StatusReports.IStatusReportStore>();
        var report = new CoordinationBot.Core.StatusReports.StatusReport(RoundId, "Sở Tài chính", "IV.4.a", CoordinationBot.Core.StatusReports.ProgressStatus.Blocked, 30, "Đã làm\uFFFF một phần\u0001.", "Vướng\uFFFE thủ tục.", "", "cán bộ", DateTimeOffset.UtcNow);
        await store.SaveReportsAsync([report], new Dictionary<string, string?> { ["IV.4.a"] = null }, null, null, default);

        var card = (await FocalSaysAsync("tổng hợp kế hoạch đối ngoại nhân dân năm 2026")).Attachments![0].Content!.AsObject();

        Assert.StartsWith("1/", card["body"]![1]!["facts"]![1]!["value"]!.GetValue<string>(), StringComparison.Ordinal);
        using var document = WordprocessingDocument.Open(new MemoryStream(await DownloadAsync(card["actions"]![0]!["url"]!.GetValue<string>())), false);
        Assert.Contains("Đã làm một phần.", document.MainDocumentPart!.Document.Body!.InnerText, StringComparison.Ordinal);
        using var workbook = SpreadsheetDocument.Open(new MemoryStream(await DownloadAsync(card["actions"]![1]!["url"]!.GetValue<string>())), false);
        Assert.Contains(workbook.WorkbookPart!.WorksheetParts.SelectMany(p => p.Worksheet.Descendants<X.Row>()), r => r.InnerText.Contains("Vướng thủ tục.", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TheOnTimeRanking_IsAlsoGivenAcrossThePlansRounds_InTheCardTheReportAndTheMatrix()
    {
        await SubmitFinanceAsync();
        await FocalSaysAsync("yêu cầu báo cáo kế hoạch đối ngoại nhân dân 6 tháng đầu năm 2026 hạn 20/12/2026");

        var card = (await FocalSaysAsync("tổng hợp kế hoạch đối ngoại nhân dân 6 tháng đầu năm 2026")).Attachments![0].Content!.AsObject();

        var headings = card["body"]!.AsArray().Where(b => b?["type"]?.GetValue<string>() == "TextBlock").Select(b => b!["text"]!.GetValue<string>()).ToList();
        Assert.Contains("Xếp hạng đúng hạn qua 2 kỳ báo cáo", headings);
        var word = await DownloadAsync(card["actions"]![0]!["url"]!.GetValue<string>());
        using (var document = WordprocessingDocument.Open(new MemoryStream(word), false))
        {
            Assert.Contains("Xếp hạng đúng hạn qua 2 kỳ báo cáo của Kế hoạch: 1. ", document.MainDocumentPart!.Document.Body!.InnerText, StringComparison.Ordinal);
        }

        var excel = await DownloadAsync(card["actions"]![1]!["url"]!.GetValue<string>());
        using var workbook = SpreadsheetDocument.Open(new MemoryStream(excel), false);
        var sheet = workbook.WorkbookPart!.Workbook.Sheets!.Elements<X.Sheet>().Single(s => s.Name == "Theo cơ quan");
        var rows = ((WorksheetPart)workbook.WorkbookPart.GetPartById(sheet.Id!.Value!)).Worksheet.Descendants<X.Row>().ToList();
        Assert.Equal(["Tỷ lệ không trễ hạn qua các kỳ (%)", "Hạng qua các kỳ"], rows[0].Elements<X.Cell>().TakeLast(2).Select(c => c.InnerText));
        Assert.All(rows.Skip(1), r => Assert.Equal(11, r.Elements<X.Cell>().Count()));
    }

    [Fact]
    public async Task ConsolidationWithNoReports_ListsEveryAgencyAsNotReported()
    {
        var card = (await FocalSaysAsync("tổng hợp kế hoạch đối ngoại nhân dân năm 2026")).Attachments![0].Content!.AsObject();

        var facts = card["body"]![1]!["facts"]!.AsArray();
        Assert.StartsWith("0/", facts[1]!["value"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("Sở Tài chính", facts.Single(f => f!["title"]!.GetValue<string>() == "Chưa báo cáo")!["value"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Links_AreRefusedWhenTampered()
    {
        var card = (await FocalSaysAsync("tổng hợp kế hoạch đối ngoại nhân dân năm 2026")).Attachments![0].Content!.AsObject();
        var url = new Uri(card["actions"]![0]!["url"]!.GetValue<string>());

        var tampered = await context.Client.GetAsync(url.PathAndQuery.Replace("sig=", "sig=0", StringComparison.Ordinal));
        var unsigned = await context.Client.GetAsync(url.AbsolutePath);

        Assert.Equal(HttpStatusCode.Forbidden, tampered.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, unsigned.StatusCode);
    }

    [Fact]
    public async Task RemindButton_RemindsTheAgenciesThatHaveNotReported_AtOnce()
    {
        await SubmitFinanceAsync();
        context.Connector.Requests.Clear();

        var invoke = TeamsActivities.CardAction(context.Connector.ServiceUrl, "round.remind", new JsonObject { ["roundId"] = RoundId }, Focal);
        var response = await (await context.Client.PostAsJsonAsync("/api/messages", invoke)).Content.ReadFromJsonAsync<JsonObject>();

        // Who was reminded, and every other agency that has not reported, named as having nobody to remind.
        var text = response!["value"]!["body"]![0]!["text"]!.GetValue<string>();
        Assert.StartsWith("Đã nhắc 1 cơ quan chưa báo cáo (1 người nhận): Sở Ngoại vụ.", text, StringComparison.Ordinal);
        var unreachable = context.Host.Services.GetRequiredService<CoordinationBot.Core.Plans.PlanReporters>().Expected(plan).Where(a => a is not "Sở Ngoại vụ" and not "Sở Tài chính").ToList();
        Assert.Contains($"Chưa nhắc được {unreachable.Count} cơ quan vì chưa có người nhận", text, StringComparison.Ordinal);
        Assert.All(unreachable, agency => Assert.Contains(agency, text, StringComparison.Ordinal));
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (!context.Connector.Requests.Any(r => r.Activity?.Conversation?.Id == "a:foreign" && r.Activity.Summary?.StartsWith("Nhắc hạn", StringComparison.Ordinal) == true) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        Assert.Contains(context.Connector.Requests, r => r.Activity?.Conversation?.Id == "a:foreign" && r.Activity.Summary?.StartsWith("Nhắc hạn", StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task SomeoneOutsideTheFocalAgency_IsRefused()
    {
        var message = TeamsActivities.Message(context.Connector.ServiceUrl, "tổng hợp kế hoạch đối ngoại nhân dân năm 2026", conversationId: "a:finance");
        message["from"] = new JsonObject { ["id"] = "29:b1", ["aadObjectId"] = FinanceOfficer };
        context.Connector.Requests.Clear();
        await context.Client.PostAsJsonAsync("/api/messages", message);

        var reply = Assert.Single(await context.Connector.WaitForAsync(1, TimeSpan.FromSeconds(10)));
        Assert.StartsWith("Chỉ cơ quan đầu mối", reply.Activity!.Text, StringComparison.Ordinal);
    }

    private async Task SubmitFinanceAsync()
    {
        var data = new JsonObject
        {
            ["roundId"] = RoundId, ["agency"] = "Sở Tài chính", ["tasks"] = new JsonArray("IV.4.a"), ["etags"] = new JsonObject(),
            ["status_0"] = "Blocked", ["percent_0"] = "40", ["result_0"] = "Đã bố trí kinh phí.", ["difficulties_0"] = "Thiếu kinh phí năm 2026. [Xem tại đây](https://evil.example/x) **gấp**", ["proposals_0"] = "Bổ sung dự toán.",
        };
        var invoke = TeamsActivities.CardAction(context.Connector.ServiceUrl, "report.save", data, FinanceOfficer);
        var response = await (await context.Client.PostAsJsonAsync("/api/messages", invoke)).Content.ReadFromJsonAsync<JsonObject>();
        Assert.Contains("Đã ghi nhận lúc", response!.ToJsonString(new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }), StringComparison.Ordinal);
    }

    private async Task<byte[]> DownloadAsync(string url)
    {
        var response = await context.Client.GetAsync(new Uri(url).PathAndQuery);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsByteArrayAsync();
    }

    private Task<CoordinationBot.BotFramework.Schema.Activity> FocalSaysAsync(string text) => Conversation.SayAsync(context, Focal, "a:focal", text);
}
