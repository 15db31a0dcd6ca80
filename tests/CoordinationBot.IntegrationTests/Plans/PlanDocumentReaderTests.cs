using System.Text;
using CoordinationBot.Core.Plans;
using CoordinationBot.Core.Plans.Extraction;
using CoordinationBot.Core.Plans.Import;
using CoordinationBot.Documents.Plans;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using X = DocumentFormat.OpenXml.Spreadsheet;

namespace CoordinationBot.IntegrationTests.Plans;

public sealed class PlanDocumentReaderTests
{
    private const string Plan = "KẾ HOẠCH\nChuyển đổi số năm 2026\nII. NHIỆM VỤ\n1. Sở Tư pháp\na) Chủ trì rà soát văn bản.\n";
    private readonly PlanDocumentReader reader = new();

    static PlanDocumentReaderTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    [Fact]
    public void Word_ParagraphsAndTables_AreRead_AndTheTableAssigns()
    {
        var docx = Word(
            ["KẾ HOẠCH", "Chuyển đổi số năm 2026", "II. PHÂN CÔNG NHIỆM VỤ"],
            [
                ["TT", "Tên nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian hoàn thành"],
                ["1", "Số hóa hồ sơ lưu trữ", "Sở Nội vụ", "Sở Khoa học và Công nghệ\nSở Tài chính", "Tháng 9/2026"],
            ]);

        AssertTheTableTask(reader.Read(docx, "ke-hoach.docx"));
    }

    [Fact]
    public void WordTableWithMergedCells_GivesEachRowItsLead_AndKeepsTheColumns()
    {
        static TableCell Cell(string text, MergedCellValues? merge = null, int span = 1)
        {
            var properties = new TableCellProperties();
            if (merge is { } value)
            {
                properties.AppendChild(new VerticalMerge { Val = value });
            }

            if (span > 1)
            {
                properties.AppendChild(new GridSpan { Val = span });
            }

            return new TableCell(properties, new Paragraph(new Run(new Text(text))));
        }

        var table = new Table(
            new TableRow(Cell("TT"), Cell("Nhiệm vụ"), Cell("Cơ quan chủ trì"), Cell("Cơ quan phối hợp"), Cell("Thời gian hoàn thành")),
            new TableRow(Cell("I"), Cell("NHÓM NHIỆM VỤ VỀ HẠ TẦNG SỐ", span: 4)),
            new TableRow(Cell("1"), Cell("Nâng cấp mạng truyền số liệu chuyên dùng"), Cell("Sở Khoa học và Công nghệ", MergedCellValues.Restart), Cell("Công an tỉnh"), Cell("Năm 2026")),
            new TableRow(Cell("2"), Cell("Xây dựng trung tâm dữ liệu của tỉnh"), Cell(string.Empty, MergedCellValues.Continue), Cell("Sở Tài chính"), Cell("Năm 2027")));

        var plan = PlanExtractor.Default.Extract(reader.Read(WordWith(new Paragraph(new Run(new Text("KẾ HOẠCH"))), new Paragraph(new Run(new Text("II. NHIỆM VỤ"))), table), "merged.docx").Text!);

        Assert.Equal(2, plan.Tasks.Count);
        Assert.All(plan.Tasks, t => Assert.Equal("Sở Khoa học và Công nghệ", Assert.Single(t.Assignments, a => a.Role == Role.Lead).Agency));
        Assert.Equal("Sở Tài chính", Assert.Single(plan.Tasks[1].Assignments, a => a.Role == Role.Support).Agency);
        Assert.Equal(new DateOnly(2027, 12, 31), plan.Tasks[1].Due);
    }

    [Fact]
    public void DeeplyNestedWordTables_AreReadWithinBounds()
    {
        var table = new Table(new TableRow(new TableCell(new Paragraph(new Run(new Text("đáy"))))));
        for (var i = 0; i < 200; i++)
        {
            table = new Table(new TableRow(new TableCell(table, new Paragraph())));
        }

        var result = reader.Read(WordWith(new Paragraph(new Run(new Text("KẾ HOẠCH"))), table), "nested.docx");

        Assert.NotNull(result.Text);
        Assert.DoesNotContain("đáy", result.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("utf16")]
    [InlineData("utf16be")]
    [InlineData("utf8bom")]
    [InlineData("utf8")]
    [InlineData("cp1258")]
    public void Text_InTheUsualEncodings_ReadsTheSame(string encoding)
    {
        byte[] bytes = encoding switch
        {
            "utf16" => [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(Plan)],
            "utf16be" => [.. Encoding.BigEndianUnicode.GetPreamble(), .. Encoding.BigEndianUnicode.GetBytes(Plan)],
            "utf8bom" => [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(Plan)],
            "utf8" => Encoding.UTF8.GetBytes(Plan),
            _ => Encoding.GetEncoding(1258).GetBytes(ToneMarksDecomposed(Plan)),
        };

        var text = reader.Read(bytes, "plan.txt");

        Assert.Equal(Plan, text.Text);
    }

    [Theory]
    [InlineData(new byte[0], "a.txt", PlanFileProblem.Empty)]
    [InlineData(new byte[] { 0x20, 0x0A, 0x20 }, "a.txt", PlanFileProblem.Empty)]
    [InlineData(new byte[] { 0x50, 0x4B, 0x03, 0x04, 0x00, 0x01 }, "a.docx", PlanFileProblem.Unreadable)]
    [InlineData(new byte[] { 0x41, 0x00, 0x42, 0x00, 0x43 }, "a.txt", PlanFileProblem.Unreadable)]
    [InlineData(new byte[] { 0x25, 0x50, 0x44, 0x46 }, "a.pdf", PlanFileProblem.Unreadable)]
    [InlineData(new byte[] { 0xD0, 0xCF, 0x11, 0xE0 }, "ke-hoach.doc", PlanFileProblem.LegacyWord)]
    [InlineData(new byte[] { 0x41 }, "ke-hoach.xls", PlanFileProblem.UnsupportedType)]
    [InlineData(new byte[] { 0x20 }, "ke-hoach.md", PlanFileProblem.Empty)]
    public void BadFiles_GetAReason_NotAnException(byte[] content, string name, PlanFileProblem problem)
    {
        Assert.Equal(problem, reader.Read(content, name).Problem);
    }

    [Fact]
    public void Pdf_OfAPlan_ReadsTheSameTasksAsItsWordDocument()
    {
        var paragraphs = File.ReadAllLines(CoordinationBot.Testing.SharedData.Require("seeds", "000_6f683b4a1ed7a171.txt")).Where(l => l.Trim().Length > 0).Select(l => l.Trim()).ToList();
        var fromWord = PlanExtractor.Default.Extract(reader.Read(WordWith([.. paragraphs.Select(p => new Paragraph(new Run(new Text(p))))]), "ke-hoach.docx").Text!);

        var pdf = reader.Read(PdfWriter.Lines(paragraphs), "ke-hoach.pdf");
        var fromPdf = PlanExtractor.Default.Extract(pdf.Text!);

        Assert.True(fromWord.Tasks.Count > 10);
        Assert.Equal(fromWord.Number, fromPdf.Number);
        Assert.Equal(fromWord.Tasks.Select(Describe), fromPdf.Tasks.Select(Describe));
        static string Describe(PlanTask t) => $"{t.Id} {t.Text} {t.Due} " + string.Join(";", t.Assignments.Select(a => $"{a.Agency}/{a.Role}"));
    }

    [Fact]
    public void ExcelAssignmentTable_IsReadLikeAWordTable_WithCellLinesAndDates()
    {
        var xlsx = Workbook(
            "Biểu phân công",
            ["KẾ HOẠCH", null, null, null, null],
            ["II. PHÂN CÔNG NHIỆM VỤ", null, null, null, null],
            ["TT", "Tên nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian hoàn thành"],
            ["1", "Số hóa hồ sơ lưu trữ", "Sở Nội vụ", "Sở Khoa học và Công nghệ\nSở Tài chính", new DateOnly(2026, 9, 30)]);

        AssertTheTableTask(reader.Read(xlsx, "bieu-phan-cong.xlsx"));
    }

    /// <summary>The one row of the tests' assignment table, read whatever file held it.</summary>
    private static void AssertTheTableTask(PlanDocumentText text)
    {
        var plan = PlanExtractor.Default.Extract(text.Text!);

        Assert.True(plan.Tasks.Count == 1, text.Text);
        var task = plan.Tasks[0];
        Assert.Equal("II.1", task.Id);
        Assert.Equal("Số hóa hồ sơ lưu trữ", task.Text);
        Assert.Equal(
            [("Sở Nội vụ", Role.Lead), ("Sở Khoa học và Công nghệ", Role.Support), ("Sở Tài chính", Role.Support)],
            task.Assignments.Select(a => (a.Agency, a.Role)));
        Assert.Equal(new DateOnly(2026, 9, 30), task.Due);
    }

    [Fact]
    public void ExcelZipBomb_IsRefusedBeforeItIsParsed()
    {
        using var stream = new MemoryStream();
        using (var archive = new System.IO.Compression.ZipArchive(stream, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true))
        {
            using var entry = archive.CreateEntry("xl/worksheets/sheet1.xml", System.IO.Compression.CompressionLevel.SmallestSize).Open();
            var block = Encoding.ASCII.GetBytes(new string(' ', 1 << 20));
            for (var i = 0; i < 80; i++)
            {
                entry.Write(block);
            }
        }

        Assert.Equal(PlanFileProblem.TooLargeUnpacked, reader.Read(stream.ToArray(), "bomb.xlsx").Problem);
    }

    [Fact]
    public void APasswordProtectedPdf_IsNamedAsSuch_AndTheSameFileWithoutItsPasswordIsRead()
    {
        const string Text = "KE HOACH so hoa ho so nam 2026 cua Uy ban nhan dan tinh, giao So Noi vu chu tri thuc hien va bao cao ket qua.";

        Assert.Equal(PlanFileProblem.Protected, reader.Read(PdfWriter.PasswordProtected(Text, "matkhau", "chuquan"), "ke-hoach.pdf").Problem);
        // Only a password nobody gave locks the file: one whose user password is empty opens like any other.
        var open = reader.Read(PdfWriter.PasswordProtected(Text, string.Empty, "chuquan"), "ke-hoach.pdf");
        Assert.Equal(PlanFileProblem.None, open.Problem);
        Assert.Contains("So Noi vu chu tri", open.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void ScannedPdf_IsNamedAsAScan()
    {
        Assert.Equal(PlanFileProblem.Scanned, reader.Read(PdfWriter.ScannedPage(), "scan.pdf").Problem);
    }

    [Fact]
    public void WordZipBomb_IsRefusedBeforeItIsParsed()
    {
        // 80 MB of XML that packs into a few hundred KiB.
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            using var writer = new StreamWriter(main.GetStream(FileMode.Create), new UTF8Encoding(false));
            writer.Write("<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>");
            var paragraph = string.Concat(Enumerable.Repeat("<w:p><w:r><w:t>KẾ HOẠCH</w:t></w:r></w:p>", 1000));
            for (var i = 0; i < 2000; i++)
            {
                writer.Write(paragraph);
            }

            writer.Write("</w:body></w:document>");
        }

        var bomb = stream.ToArray();
        Assert.True(bomb.Length < PlanDocumentReader.MaxBytes);
        Assert.Equal(PlanFileProblem.TooLargeUnpacked, reader.Read(bomb, "bomb.docx").Problem);
    }

    [Fact]
    public void PdfWhoseStreamsUnpackToTooMuch_IsRefusedBeforeItIsParsed()
    {
        var zeros = new MemoryStream();
        using (var zlib = new System.IO.Compression.ZLibStream(zeros, System.IO.Compression.CompressionLevel.SmallestSize, leaveOpen: true))
        {
            var block = new byte[1 << 20];
            for (var i = 0; i < 100; i++)
            {
                zlib.Write(block);
            }
        }

        var pdf = new MemoryStream();
        var head = Encoding.ASCII.GetBytes($"%PDF-1.7\n1 0 obj\n<< /Length {zeros.Length} /Filter /FlateDecode >>\nstream\n");
        pdf.Write(head);
        pdf.Write(zeros.ToArray());
        pdf.Write(Encoding.ASCII.GetBytes("\nendstream\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n"));

        Assert.Equal(PlanFileProblem.TooLargeUnpacked, reader.Read(pdf.ToArray(), "bomb.pdf").Problem);
    }

    [Fact]
    public void OversizedFile_IsRefused()
    {
        Assert.Equal(PlanFileProblem.TooLarge, reader.Read(new byte[PlanDocumentReader.MaxBytes + 1], "big.txt").Problem);
    }

    /// <summary>How Windows-1258 writes Vietnamese: letters with ˆ ˘ ˛ precomposed, tone marks as combining characters.</summary>
    private static string ToneMarksDecomposed(string text)
    {
        var tones = "\u0300\u0301\u0303\u0309\u0323";
        var result = new StringBuilder();
        foreach (var c in text)
        {
            var parts = c.ToString().Normalize(NormalizationForm.FormD);
            var letter = new string(parts.Where(p => !tones.Contains(p, StringComparison.Ordinal)).ToArray()).Normalize(NormalizationForm.FormC);
            result.Append(letter).Append(parts.Where(p => tones.Contains(p, StringComparison.Ordinal)).ToArray());
        }

        return result.ToString();
    }

    private static byte[] Word(string[] paragraphs, string[][] rows)
    {
        var table = new Table(rows.Select(cells => new TableRow(cells.Select(cell =>
            new TableCell(cell.Split('\n').Select(line => new Paragraph(new Run(new Text(line)))))))));
        return WordWith([.. paragraphs.Select(p => new Paragraph(new Run(new Text(p)))), table]);
    }

    /// <summary>A one-sheet workbook as Excel writes it: shared strings, and dates as serial numbers with a date format.</summary>
    internal static byte[] Workbook(string sheetName, params object?[][] rows)
    {
        using var stream = new MemoryStream();
        using (var document = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new X.Workbook();
            var styles = workbook.AddNewPart<WorkbookStylesPart>();
            styles.Stylesheet = new X.Stylesheet(
                new X.Fonts(new X.Font()), new X.Fills(new X.Fill()), new X.Borders(new X.Border()),
                new X.CellFormats(new X.CellFormat(), new X.CellFormat { NumberFormatId = 14, ApplyNumberFormat = true }));
            var shared = workbook.AddNewPart<SharedStringTablePart>();
            shared.SharedStringTable = new X.SharedStringTable();
            var sheet = workbook.AddNewPart<WorksheetPart>();
            var data = new X.SheetData();
            for (var r = 0; r < rows.Length; r++)
            {
                var row = new X.Row { RowIndex = (uint)(r + 1) };
                for (var c = 0; c < rows[r].Length; c++)
                {
                    var reference = $"{(char)('A' + c)}{r + 1}";
                    switch (rows[r][c])
                    {
                        case string text:
                            shared.SharedStringTable.AppendChild(new X.SharedStringItem(new X.Text(text)));
                            row.AppendChild(new X.Cell { CellReference = reference, DataType = X.CellValues.SharedString, CellValue = new X.CellValue((shared.SharedStringTable.Count() - 1).ToString(System.Globalization.CultureInfo.InvariantCulture)) });
                            break;
                        case DateOnly date:
                            row.AppendChild(new X.Cell { CellReference = reference, StyleIndex = 1, CellValue = new X.CellValue(date.ToDateTime(TimeOnly.MinValue).ToOADate().ToString(System.Globalization.CultureInfo.InvariantCulture)) });
                            break;
                    }
                }

                data.AppendChild(row);
            }

            sheet.Worksheet = new X.Worksheet(data);
            workbook.Workbook.AppendChild(new X.Sheets(new X.Sheet { Name = sheetName, SheetId = 1, Id = workbook.GetIdOfPart(sheet) }));
        }

        return stream.ToArray();
    }

    private static byte[] WordWith(params OpenXmlElement[] elements)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            main.Document = new Document(new Body(elements));
        }

        return stream.ToArray();
    }
}
