using System.Globalization;
using System.Text;
using CoordinationBot.Core.Plans.Import;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using CoordinationBot.Core.Text;

namespace CoordinationBot.Documents.Plans;

/// <summary>
/// An assignment table kept in Excel (.xlsx: "Biểu phân công nhiệm vụ"): each sheet's name as a line, then each row as
/// "| cell | cell |" like a Word table, so the same table reader reads it (a row with a single filled cell is a line). Lines typed inside a cell are joined with
/// "; " (agencies one per line), dates are written dd/MM/yyyy. Rows and columns are bounded; the reader unpacks the
/// package with its cap before this parses it, as for Word.
/// </summary>
public static class WorkbookPlanText
{
    private const int MaxRows = 5000;
    private const int MaxColumns = 40;

    public static PlanDocumentText Read(byte[] content)
    {
        ArgumentNullException.ThrowIfNull(content);
        using var document = SpreadsheetDocument.Open(new MemoryStream(content, writable: false), false, new DocumentFormat.OpenXml.Packaging.OpenSettings { MaxCharactersInPart = UnpackedSize.MaxBytes });
        var workbook = document.WorkbookPart;
        if (workbook?.Workbook?.Sheets is not { } sheets)
        {
            return PlanDocumentText.Failed(PlanFileProblem.Unreadable);
        }

        var strings = workbook.SharedStringTablePart?.SharedStringTable?.Elements<SharedStringItem>().Select(i => i.InnerText).ToList() ?? [];
        var dateStyles = DateStyles(workbook);
        var lines = new StringBuilder();
        var rows = 0;
        foreach (var sheet in sheets.Elements<Sheet>())
        {
            if (sheet.Id?.Value is not { } id || workbook.GetPartById(id) is not WorksheetPart part)
            {
                continue;
            }

            lines.AppendLine(sheet.Name?.Value);
            foreach (var row in part.Worksheet.Descendants<Row>())
            {
                if (++rows > MaxRows)
                {
                    return PlanDocumentText.Failed(PlanFileProblem.TooLargeUnpacked);
                }

                var cells = new string[MaxColumns];
                foreach (var cell in row.Elements<Cell>())
                {
                    var column = Column(cell.CellReference?.Value);
                    if (column is >= 0 and < MaxColumns)
                    {
                        cells[column] = Text(cell, strings, dateStyles);
                    }
                }

                // A row with one filled cell is a title or heading ("II. PHÂN CÔNG NHIỆM VỤ"), written as a line of text.
                var last = Array.FindLastIndex(cells, c => !string.IsNullOrWhiteSpace(c));
                if (cells.Count(c => !string.IsNullOrWhiteSpace(c)) == 1)
                {
                    lines.AppendLine(cells[last].Trim());
                }
                else if (last >= 0)
                {
                    lines.Append("| ").AppendJoin(" | ", cells.Take(last + 1).Select(c => c ?? string.Empty)).AppendLine(" |");
                }
            }
        }

        return PlanDocumentText.Of(lines.ToString().Normalize(NormalizationForm.FormC));
    }

    private static string Text(Cell cell, List<string> strings, HashSet<uint> dateStyles)
    {
        var raw = cell.DataType?.Value == CellValues.InlineString ? cell.InlineString?.InnerText : cell.CellValue?.Text;
        if (raw is null)
        {
            return string.Empty;
        }

        string text;
        if (cell.DataType?.Value == CellValues.SharedString)
        {
            text = int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < strings.Count ? strings[index] : string.Empty;
        }
        else if (cell.StyleIndex?.Value is { } style && dateStyles.Contains(style) && double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var serial) && serial is > 0 and < 2958466)
        {
            text = DateOnly.FromDateTime(DateTime.FromOADate(serial)).ToVietnameseDate();
        }
        else
        {
            text = raw;
        }

        return string.Join("; ", text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).Replace('|', '/');
    }

    /// <summary>Cell styles whose number format is a date (built-in 14–22, 45–47, or a custom format with d, m and y).</summary>
    private static HashSet<uint> DateStyles(WorkbookPart workbook)
    {
        var styles = workbook.WorkbookStylesPart?.Stylesheet;
        var custom = styles?.NumberingFormats?.Elements<NumberingFormat>()
            .Where(f => f.FormatCode?.Value is { } code && code.Contains('d', StringComparison.OrdinalIgnoreCase) && code.Contains('y', StringComparison.OrdinalIgnoreCase))
            .Select(f => f.NumberFormatId?.Value ?? 0).ToHashSet() ?? [];
        var dates = new HashSet<uint>();
        var formats = styles?.CellFormats?.Elements<CellFormat>().ToList() ?? [];
        for (var i = 0; i < formats.Count; i++)
        {
            var format = formats[i].NumberFormatId?.Value ?? 0;
            if (format is >= 14 and <= 22 or >= 45 and <= 47 || custom.Contains(format))
            {
                dates.Add((uint)i);
            }
        }

        return dates;
    }

    /// <summary>The zero-based column of a reference such as "C12".</summary>
    private static int Column(string? reference)
    {
        if (string.IsNullOrEmpty(reference))
        {
            return -1;
        }

        var column = 0;
        foreach (var c in reference.TakeWhile(char.IsAsciiLetter))
        {
            column = (column * 26) + (char.ToUpperInvariant(c) - 'A' + 1);
        }

        return column - 1;
    }
}
