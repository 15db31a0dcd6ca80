using CoordinationBot.Core.Consolidation;
using CoordinationBot.Core.Plans;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace CoordinationBot.Documents.Reports;

/// <summary>
/// The draft consolidated report (Báo cáo) laid out per Nghị định 30/2020/NĐ-CP, Phụ lục I: A4 portrait, margins
/// 20/20/30/15 mm, Times New Roman; header blocks (issuing body, number | national motto, place and date), title,
/// body at 14 pt, "Nơi nhận" with the signing block left for the signer, and an appendix table.
/// </summary>
public static class ConsolidationDocument
{
    private const string Font = "Times New Roman";
    private const string CellStyle = "TableCell";

    public static byte[] Write(ConsolidationSummary summary, string place)
    {
        ArgumentNullException.ThrowIfNull(summary);
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();

            // Times New Roman 14 pt for the whole document, set once; runs only say what differs.
            var styles = main.AddNewPart<StyleDefinitionsPart>();
            styles.Styles = new Styles(new DocDefaults(new RunPropertiesDefault(new RunPropertiesBaseStyle(
                new RunFonts { Ascii = Font, HighAnsi = Font, ComplexScript = Font, EastAsia = Font },
                new FontSize { Val = "28" },
                new Languages { Val = "vi-VN" }))),
                new Style(
                    new StyleName { Val = "Table Cell" },
                    new StyleParagraphProperties(new SpacingBetweenLines { After = "0" }),
                    new StyleRunProperties(new FontSize { Val = "24" }))
                { Type = StyleValues.Paragraph, StyleId = CellStyle });
            // Written as it goes (SAX-style): the results and the appendix (a paragraph and a row per report) never
            // stand as one document tree in memory.
            using (var writer = OpenXmlWriter.Create(main))
            {
                writer.WriteStartElement(new Document());
                writer.WriteStartElement(new Body());
                foreach (var element in Contents(summary, place))
                {
                    writer.WriteElement(element);
                }

                WriteAppendixTable(writer, summary);
                writer.WriteElement(new SectionProperties(
                    new PageSize { Width = 11906U, Height = 16838U, Orient = PageOrientationValues.Portrait },
                    new PageMargin { Top = 1134, Bottom = 1134, Left = 1701U, Right = 850U, Header = 720U, Footer = 720U, Gutter = 0U }));
                writer.WriteEndElement();
                writer.WriteEndElement();
            }
        }

        return stream.ToArray();
    }

    /// <summary>The report up to its appendix table, one top-level element at a time.</summary>
    private static IEnumerable<OpenXmlElement> Contents(ConsolidationSummary summary, string place)
    {
        var plan = summary.Plan;
        var issuer = (plan.Issuer ?? "ỦY BAN NHÂN DÂN").ToUpperInvariant();
        var issuerCode = plan.Number?.Split('-').LastOrDefault() ?? "UBND";

        yield return TwoColumns(
            [Line(issuer, 13, bold: true), Line(ReportText.Format("Number", issuerCode), 13)],
            [Line(ReportText.Get("Motto"), 12, bold: true), Line(ReportText.Get("Independence"), 13, bold: true), Line(ReportText.Format("PlaceDate", place, summary.Round.Period.Year), 13, italic: true)]);
        yield return Line(string.Empty, 13);
        yield return Line(ReportText.Get("Title"), 14, bold: true);
        yield return Line(ReportText.Format("Subject", ReportText.Kind(plan.Kind), plan.Number ?? ReportText.Get("NoNumber")), 14, bold: true);
        yield return Line(plan.Title, 14, bold: true);
        yield return Line(ReportText.Format("Period", ReportText.Period(summary.Round.Period)), 14, italic: true);

        yield return Heading(ReportText.Get("SectionGeneral"));
        yield return Text(ReportText.Format("Reported", summary.Reported.Count, summary.Expected.Count));
        var counts = summary.StatusCounts;
        yield return Text(ReportText.Format("Counts", counts[Core.StatusReports.ProgressStatus.NotStarted], counts[Core.StatusReports.ProgressStatus.InProgress], counts[Core.StatusReports.ProgressStatus.Done], counts[Core.StatusReports.ProgressStatus.Blocked]));
        yield return Text(summary.Missing.Count > 0 ? ReportText.Format("Missing", string.Join("; ", summary.Missing)) : ReportText.Get("NoneMissing"));

        yield return Heading(ReportText.Get("SectionResults"));
        var lowerByTask = summary.LowerLevels.ToLookup(l => l.MatchedTaskId, StringComparer.Ordinal);
        foreach (var task in summary.Tasks)
        {
            yield return Text($"{task.Task.Id}. {task.Task.Text}", bold: true);
            foreach (var (agency, role, report) in task.Agencies)
            {
                var roleName = ReportText.Get(role == Role.Lead ? "Lead" : "Support");
                var state = report is null ? ReportText.Get("NotReported") : $"{ReportText.Status(report.Status)}, {report.Percent}%" + (report.Result.Length > 0 ? $": {report.Result}" : string.Empty);
                yield return Text($"- {agency} ({roleName}): {state}");
            }

            foreach (var lower in lowerByTask[task.Task.Id])
            {
                var report = lower.Report;
                yield return Text($"- [{lower.Issuer}] {report.Agency}: {ReportText.Status(report.Status)}, {report.Percent}%" + (report.Result.Length > 0 ? $": {report.Result}" : string.Empty));
            }
        }

        yield return Heading(ReportText.Get("SectionIssues"));
        yield return Text(ReportText.Get("Difficulties"), bold: true);
        foreach (var note in Notes(summary.Difficulties))
        {
            yield return note;
        }

        yield return Text(ReportText.Get("Proposals"), bold: true);
        foreach (var note in Notes(summary.Proposals))
        {
            yield return note;
        }

        yield return TwoColumns(
            [Line(ReportText.Get("Recipients"), 12, bold: true, italic: true, center: false), Line(ReportText.Get("RecipientAsAbove"), 11, center: false), Line(ReportText.Get("RecipientArchive"), 11, center: false)],
            [Line(ReportText.Get("SignOnBehalf"), 13, bold: true), Line(ReportText.Get("SignFor"), 13, bold: true), Line(ReportText.Get("SignTitle"), 13, bold: true)]);

        yield return new Paragraph(new Run(new Break { Type = BreakValues.Page }));
        yield return Line(ReportText.Get("Appendix"), 13, bold: true);
    }

    private static IEnumerable<Paragraph> Notes(IReadOnlyList<AgencyNote> notes)
    {
        if (notes.Count == 0)
        {
            yield return Text(ReportText.Get("NoneNoted"));
        }

        foreach (var note in notes)
        {
            yield return Text($"- {note.Agency} ({note.TaskId}): {note.Text}");
        }
    }

    private static void WriteAppendixTable(OpenXmlWriter writer, ConsolidationSummary summary)
    {
        writer.WriteStartElement(new Table());
        writer.WriteElement(new TableProperties(
            new TableWidth { Width = "5000", Type = TableWidthUnitValues.Pct },
            new TableBorders(
                new TopBorder { Val = BorderValues.Single, Size = 4 }, new LeftBorder { Val = BorderValues.Single, Size = 4 },
                new BottomBorder { Val = BorderValues.Single, Size = 4 }, new RightBorder { Val = BorderValues.Single, Size = 4 },
                new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4 }, new InsideVerticalBorder { Val = BorderValues.Single, Size = 4 })));
        // No., agency, task, role, status, % across 9,355 twips of text width.
        writer.WriteElement(new TableGrid(new GridColumn { Width = "700" }, new GridColumn { Width = "3455" }, new GridColumn { Width = "1300" }, new GridColumn { Width = "1200" }, new GridColumn { Width = "1900" }, new GridColumn { Width = "800" }));
        writer.WriteElement(Row(true, ReportText.Get("ColNo"), ReportText.Get("ColAgency"), ReportText.Get("ColTask"), ReportText.Get("ColRole"), ReportText.Get("ColStatus"), ReportText.Get("ColPercent")));
        var n = 0;
        foreach (var task in summary.Tasks)
        {
            foreach (var (agency, role, report) in task.Agencies)
            {
                n++;
                writer.WriteElement(Row(false, n.ToString(System.Globalization.CultureInfo.InvariantCulture), agency, task.Task.Id, ReportText.Get(role == Role.Lead ? "Lead" : "Support"), ReportText.Status(report?.Status), report?.Percent.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty));
            }
        }

        writer.WriteEndElement();
    }

    /// <summary>A row of the appendix: 12 pt from the cell style, so 20,000 rows stay light.</summary>
    private static TableRow Row(bool header, params string[] cells) =>
        new(cells.Select(cell => new TableCell(new Paragraph(
            new ParagraphProperties(new ParagraphStyleId { Val = CellStyle }),
            header ? new Run(new RunProperties(new Bold()), new Text(cell)) : new Run(new Text(cell) { Space = SpaceProcessingModeValues.Preserve })))));

    private static Table TwoColumns(Paragraph[] left, Paragraph[] right)
    {
        var none = new TableBorders(new TopBorder { Val = BorderValues.None }, new LeftBorder { Val = BorderValues.None }, new BottomBorder { Val = BorderValues.None }, new RightBorder { Val = BorderValues.None }, new InsideHorizontalBorder { Val = BorderValues.None }, new InsideVerticalBorder { Val = BorderValues.None });
        // 165 mm of text width (A4 less 30 + 15 mm margins) = 9355 twips: the motto needs the wider right column.
        return new Table(
            new TableProperties(new TableWidth { Width = "5000", Type = TableWidthUnitValues.Pct }, none, new TableLayout { Type = TableLayoutValues.Fixed }),
            new TableGrid(new GridColumn { Width = "3555" }, new GridColumn { Width = "5800" }),
            new TableRow(Cell(1900, left), Cell(3100, right)));
    }

    private static TableCell Cell(int widthFiftieths, Paragraph[] paragraphs)
    {
        var cell = new TableCell(new TableCellProperties(new TableCellWidth { Width = widthFiftieths.ToString(System.Globalization.CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Pct }));
        cell.Append(paragraphs);
        return cell;
    }

    private static Paragraph Heading(string text) => Text(text, bold: true);

    /// <summary>Body text: 14 pt, justified, first line indented.</summary>
    private static Paragraph Text(string text, bool bold = false) =>
        new(new ParagraphProperties(new SpacingBetweenLines { After = "120" }, new Indentation { FirstLine = "567" }, new Justification { Val = JustificationValues.Both }), Run(text, 14, bold, false));

    private static Paragraph Line(string text, int points, bool bold = false, bool italic = false, bool center = true) =>
        new(new ParagraphProperties(new SpacingBetweenLines { After = "0" }, new Justification { Val = center ? JustificationValues.Center : JustificationValues.Left }), Run(text, points, bold, italic));

    private static Run Run(string text, int points, bool bold, bool italic)
    {
        // In the schema's order: bold, italic, then size.
        var properties = new RunProperties();
        if (bold)
        {
            properties.Append(new Bold());
        }

        if (italic)
        {
            properties.Append(new Italic());
        }

        if (points != 14)
        {
            properties.Append(new FontSize { Val = (points * 2).ToString(System.Globalization.CultureInfo.InvariantCulture) });
        }

        return new Run(properties, new Text(text) { Space = SpaceProcessingModeValues.Preserve });
    }
}
