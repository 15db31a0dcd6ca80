using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;

namespace CoordinationBot.Documents.Reports;

/// <summary>The report's building blocks in Word: its lines, body text, rules, borderless two-column blocks and bordered tables (Times New Roman 14 pt by default).</summary>
internal static class WordParts
{
    public const string CellStyle = "TableCell";

    public static Paragraph Rule(int indent) =>
        new(new ParagraphProperties(
            new ParagraphBorders(new BottomBorder { Val = BorderValues.Single, Size = 6, Space = 1 }),
            new SpacingBetweenLines { After = "60", Line = "120", LineRule = LineSpacingRuleValues.Exact },
            new Indentation { Left = indent.ToString(System.Globalization.CultureInfo.InvariantCulture), Right = indent.ToString(System.Globalization.CultureInfo.InvariantCulture) }));

    /// <summary>Opens a bordered table across the text width with columns of these widths (twips).</summary>
    public static void StartTable(System.Xml.XmlWriter writer, params int[] widths)
    {
        writer.WriteStart(new Table());
        writer.WriteElement(new TableProperties(
            new TableWidth { Width = "5000", Type = TableWidthUnitValues.Pct },
            new TableBorders(
                new TopBorder { Val = BorderValues.Single, Size = 4 }, new LeftBorder { Val = BorderValues.Single, Size = 4 },
                new BottomBorder { Val = BorderValues.Single, Size = 4 }, new RightBorder { Val = BorderValues.Single, Size = 4 },
                new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4 }, new InsideVerticalBorder { Val = BorderValues.Single, Size = 4 })));
        writer.WriteElement(new TableGrid(widths.Select(w => new GridColumn { Width = w.ToString(System.Globalization.CultureInfo.InvariantCulture) })));
    }

    /// <summary>A table's header row, bold in the cell style, repeated on every page (its body rows: <see cref="TableRows"/>).</summary>
    public static TableRow HeaderRow(params string[] cells) =>
        new([new TableRowProperties(new TableHeader()), .. cells.Select(cell => new TableCell(new Paragraph(
            new ParagraphProperties(new ParagraphStyleId { Val = CellStyle }),
            new Run(new RunProperties(new Bold()), new Text(cell)))))]);

    public static Table TwoColumns(Paragraph[] left, Paragraph[] right)
    {
        var none = new TableBorders(new TopBorder { Val = BorderValues.None }, new LeftBorder { Val = BorderValues.None }, new BottomBorder { Val = BorderValues.None }, new RightBorder { Val = BorderValues.None }, new InsideHorizontalBorder { Val = BorderValues.None }, new InsideVerticalBorder { Val = BorderValues.None });
        // 165 mm of text width (A4 less 30 + 15 mm margins) = 9355 twips: the motto needs the wider right column, the
        // superior body ("UBND TỈNH TUYÊN QUANG") one line of the left.
        return new Table(
            new TableProperties(new TableWidth { Width = "5000", Type = TableWidthUnitValues.Pct }, none, new TableLayout { Type = TableLayoutValues.Fixed }),
            new TableGrid(new GridColumn { Width = "3955" }, new GridColumn { Width = "5400" }),
            new TableRow(Cell(2115, left), Cell(2885, right)));
    }

    public static TableCell Cell(int widthFiftieths, Paragraph[] paragraphs)
    {
        var cell = new TableCell(new TableCellProperties(new TableCellWidth { Width = widthFiftieths.ToString(System.Globalization.CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Pct }));
        cell.Append(paragraphs);
        return cell;
    }

    public static Paragraph Heading(string text) => Text(text, bold: true);

    /// <summary>Body text: 14 pt, justified, first line indented.</summary>
    public static Paragraph Text(string text, bool bold = false, bool italic = false) =>
        new(new ParagraphProperties(new SpacingBetweenLines { After = "120" }, new Indentation { FirstLine = "567" }, new Justification { Val = JustificationValues.Both }), Run(text, 14, bold, italic));

    public static Paragraph Line(string text, int points, bool bold = false, bool italic = false, bool center = true) =>
        new(new ParagraphProperties(new SpacingBetweenLines { After = "0" }, new Justification { Val = center ? JustificationValues.Center : JustificationValues.Left }), Run(text, points, bold, italic));

    public static Run Run(string text, int points, bool bold, bool italic)
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
