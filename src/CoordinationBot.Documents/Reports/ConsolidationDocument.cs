using CoordinationBot.Core.Consolidation;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

using static CoordinationBot.Documents.Reports.WordParts;

namespace CoordinationBot.Documents.Reports;

/// <summary>
/// The draft consolidated report (Báo cáo) laid out per Nghị định 30/2020/NĐ-CP, Phụ lục I: A4 portrait, margins
/// 20/20/30/15 mm, Times New Roman; header blocks (superior body and the focal agency that issues it, a short rule,
/// number | national motto and its rule, place and date), title and subject with a rule, "Kính gửi", body at 14 pt
/// (general situation, results task by task, difficulties and proposals, next period), "Nơi nhận" and the signing
/// block of the issuing agency's head, page numbers from the second page, and an appendix table.
/// </summary>
public static class ConsolidationDocument
{
    private const string Font = "Times New Roman";

    /// <summary>
    /// The report; with the focal agency's own template (<paramref name="template"/>, a .docx with <c>{{noi_dung}}</c>),
    /// the results, sections and appendix go into it and its placeholders are filled (<see cref="ReportTemplate"/>).
    /// </summary>
    public static byte[] Write(ConsolidationSummary summary, byte[]? template = null)
    {
        ArgumentNullException.ThrowIfNull(summary);
        var authority = summary.SignedByDeputy ? ReportAuthority.For(summary.Plan).SignedByDeputy() : ReportAuthority.For(summary.Plan);
        if (template is not null && ReportTemplate.Check(template) == TemplateProblem.None)
        {
            return ReportTemplate.Fill(template, Write(summary, authority, ownLayout: false), ReportTemplate.Values(summary, authority));
        }

        // No template, or one that no longer opens: the report in its own layout, never no report.
        return Write(summary, authority, ownLayout: true);
    }

    private static byte[] Write(ConsolidationSummary summary, ReportAuthority authority, bool ownLayout)
    {
        var streamed = new StreamedPackage();
        using var built = new MemoryStream();
        using (var document = WordprocessingDocument.Create(built, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            var header = main.AddNewPart<HeaderPart>();
            header.Header = new Header(new Paragraph(
                new ParagraphProperties(new Justification { Val = JustificationValues.Center }),
                new SimpleField(new Run(new RunProperties(new FontSize { Val = "26" }), new Text("2"))) { Instruction = " PAGE " }));

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
                { Type = StyleValues.Paragraph, StyleId = WordParts.CellStyle });
            var headerId = main.GetIdOfPart(header);

            // Written as it goes (SAX-style) into the saved package: the results and the appendix (a paragraph and a
            // row per report) never stand as one document tree, nor as one uncompressed part, in memory.
            streamed.Stream(main, writer => WriteBody(writer, summary, authority, ownLayout, headerId));
        }

        return streamed.Save(built);
    }

    private static void WriteBody(System.Xml.XmlWriter writer, ConsolidationSummary summary, ReportAuthority authority, bool ownLayout, string headerId)
    {
        writer.WriteStart(new Document());
        writer.WriteStart(new Body());
        foreach (var element in Contents(summary, authority, ownLayout))
        {
            writer.WriteElement(element);
        }

        ReportTables.WriteAppendixTable(writer, summary);
        writer.WriteElement(Line(string.Empty, 13));
        writer.WriteElement(Line(ReportText.Get("Appendix2"), 13, bold: true));
        ReportTables.WriteRankingTable(writer, summary);
        // The page number in the header, centred, from the second page on (the first has its own title page).
        writer.WriteElement(new SectionProperties(
            new HeaderReference { Type = HeaderFooterValues.Default, Id = headerId },
            new PageSize { Width = 11906U, Height = 16838U, Orient = PageOrientationValues.Portrait },
            new PageMargin { Top = 1134, Bottom = 1134, Left = 1701U, Right = 850U, Header = 567U, Footer = 720U, Gutter = 0U },
            new TitlePage()));
        writer.WriteEndElement();
        writer.WriteEndElement();
    }

    /// <summary>The report up to its appendix table; without its own layout (a template has it), only the sections and the appendix's title.</summary>
    private static IEnumerable<OpenXmlElement> Contents(ConsolidationSummary summary, ReportAuthority authority, bool ownLayout)
    {
        if (ownLayout)
        {
            foreach (var element in ReportSections.Letterhead(summary, authority))
            {
                yield return element;
            }
        }

        foreach (var element in ReportSections.Sections(summary))
        {
            yield return element;
        }

        if (ownLayout)
        {
            yield return TwoColumns(
                [Line(ReportText.Get("Recipients"), 12, bold: true, italic: true, center: false), Line(ReportText.Get("RecipientAsAbove"), 11, center: false), Line(ReportText.Get("RecipientArchive"), 11, center: false)],
                [.. authority.Signature.Select(line => Line(line, 13, bold: true)), .. Enumerable.Range(0, 4).Select(_ => Line(string.Empty, 13))]);
        }

        yield return new Paragraph(new Run(new Break { Type = BreakValues.Page }));
        yield return Line(ReportText.Get("Appendix"), 13, bold: true);
    }
}
