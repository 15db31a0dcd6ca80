using System.Globalization;
using CoordinationBot.Core.Consolidation;
using CoordinationBot.Core.Plans;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace CoordinationBot.Documents.Reports;

/// <summary>The consolidation as an Excel matrix: one row per agency × task with every field, filters, a frozen header.</summary>
public static class ConsolidationWorkbook
{
    public static byte[] Write(ConsolidationSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var sheetPart = workbook.AddNewPart<WorksheetPart>();

            // Written as it goes (SAX-style): 100,000 rows never stand as one document tree in memory.
            using (var writer = OpenXmlWriter.Create(sheetPart))
            {
                writer.WriteStartElement(new Worksheet());
                writer.WriteElement(new SheetViews(new SheetView(new Pane { VerticalSplit = 1D, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen }) { WorkbookViewId = 0U }));
                writer.WriteElement(new Columns(new Column { Min = 1U, Max = 1U, Width = 40D, CustomWidth = true }, new Column { Min = 4U, Max = 4U, Width = 60D, CustomWidth = true }, new Column { Min = 5U, Max = 5U, Width = 12D, CustomWidth = true }, new Column { Min = 8U, Max = 10U, Width = 50D, CustomWidth = true }));
                writer.WriteStartElement(new SheetData());
                string[] header = ["ColAgency", "ColRole", "ColTask", "ColTaskText", "ColDue", "ColStatus", "ColPercent", "ColResult", "ColDifficulties", "ColProposals", "ColBy", "ColAt"];
                WriteRow(writer, 1, header.Select(ReportText.Get).Select(Cell).ToArray());
                uint r = 1;
                foreach (var task in summary.Tasks)
                {
                    foreach (var (agency, role, report) in task.Agencies)
                    {
                        r++;
                        WriteRow(writer, r,
                            Cell(agency), Cell(ReportText.Get(role == Role.Lead ? "Lead" : "Support")), Cell(task.Task.Id), Cell(task.Task.Text), Due(task.Task),
                            Cell(ReportText.Status(report?.Status)), report is null ? Cell(string.Empty) : Number(report.Percent),
                            Cell(report?.Result ?? string.Empty), Cell(report?.Difficulties ?? string.Empty), Cell(report?.Proposals ?? string.Empty),
                            Cell(report?.SubmittedBy ?? string.Empty), Cell(report?.SubmittedAt.ToOffset(Core.VietnamTime.Offset).ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture) ?? string.Empty));
                    }
                }

                foreach (var lower in summary.LowerLevels)
                {
                    r++;
                    var report = lower.Report;
                    var task = summary.Plan.Tasks.First(t => t.Id == lower.MatchedTaskId);
                    WriteRow(writer, r,
                        Cell($"[{lower.Issuer}] {report.Agency}"), Cell(lower.PlanNumber), Cell(task.Id), Cell(task.Text), Due(task),
                        Cell(ReportText.Status(report.Status)), Number(report.Percent), Cell(report.Result), Cell(report.Difficulties), Cell(report.Proposals),
                        Cell(report.SubmittedBy), Cell(report.SubmittedAt.ToOffset(Core.VietnamTime.Offset).ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture)));
                }

                writer.WriteEndElement();
                writer.WriteElement(new AutoFilter { Reference = $"A1:L{r}" });
                writer.WriteEndElement();
            }

            var sheets = workbook.Workbook.AppendChild(new Sheets());
            sheets.Append(new Sheet { Id = workbook.GetIdOfPart(sheetPart), SheetId = 1U, Name = ReportText.Get("Sheet") });
            workbook.Workbook.Save();
        }

        return stream.ToArray();
    }

    /// <summary>The task's due date as the plan gives it ("30/06/2026", or its words: "Quý IV/2026", "Thường xuyên").</summary>
    private static Cell Due(PlanTask task) =>
        Cell(task.Due?.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture) ?? task.DueText ?? string.Empty);

    private static void WriteRow(OpenXmlWriter writer, uint index, params Cell[] cells)
    {
        writer.WriteStartElement(new Row { RowIndex = index });
        for (var i = 0; i < cells.Length; i++)
        {
            cells[i].CellReference = $"{(char)('A' + i)}{index}";
            writer.WriteElement(cells[i]);
        }

        writer.WriteEndElement();
    }

    private static Cell Cell(string text) => new() { DataType = CellValues.InlineString, InlineString = new InlineString(new Text(text) { Space = SpaceProcessingModeValues.Preserve }) };

    private static Cell Number(int value) => new() { DataType = CellValues.Number, CellValue = new CellValue(value.ToString(CultureInfo.InvariantCulture)) };
}
