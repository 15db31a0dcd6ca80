using System.Globalization;
using CoordinationBot.Core.Consolidation;
using CoordinationBot.Core.Plans;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace CoordinationBot.Documents.Reports;

/// <summary>
/// The consolidation as an Excel matrix: one row per agency × task with every field, the due date as an Excel date, the
/// on-time status and an overdue flag, filters and a bold frozen header; and a sheet of each agency's on-time standing.
/// </summary>
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
            workbook.AddNewPart<WorkbookStylesPart>().Stylesheet = Styles();
            var sheetPart = workbook.AddNewPart<WorksheetPart>();

            // Written as it goes (SAX-style): 100,000 rows never stand as one document tree in memory.
            using (var writer = OpenXmlWriter.Create(sheetPart))
            {
                writer.WriteStartElement(new Worksheet());
                writer.WriteElement(FrozenHeader());
                writer.WriteElement(new Columns(new Column { Min = 1U, Max = 1U, Width = 40D, CustomWidth = true }, new Column { Min = 4U, Max = 4U, Width = 60D, CustomWidth = true }, new Column { Min = 5U, Max = 5U, Width = 12D, CustomWidth = true }, new Column { Min = 8U, Max = 10U, Width = 50D, CustomWidth = true }, new Column { Min = 13U, Max = 13U, Width = 24D, CustomWidth = true }, new Column { Min = 15U, Max = 18U, Width = 50D, CustomWidth = true }));
                writer.WriteStartElement(new SheetData());
                string[] header = ["ColAgency", "ColRole", "ColTask", "ColTaskText", "ColDue", "ColStatus", "ColPercent", "ColResult", "ColDifficulties", "ColProposals", "ColBy", "ColAt", "ColOnTime", "ColOverdue", "ColReturned", "ColEvidence", "ColExplanation", "ColEvidenceFiles"];
                WriteRow(writer, 1, header.Select(ReportText.Get).Select(Header).ToArray());
                uint r = 1;
                var returned = summary.Returned.ToDictionary(x => x.Agency, x => x.Comment, StringComparer.Ordinal);
                var filesOf = summary.EvidenceFiles.ToLookup(f => (f.Agency, f.TaskId));
                var explained = summary.Explanations.ToDictionary(x => x.Agency, x => ReportText.Format("ExplainedCell", x.Reason, Core.Text.VietnameseDates.ToVietnameseDate(x.NewDate)), StringComparer.Ordinal);
                foreach (var task in summary.Tasks)
                {
                    foreach (var (agency, role, report) in task.Agencies)
                    {
                        r++;
                        WriteRow(writer, r, [
                            Cell(agency), Cell(ReportText.Get(role == Role.Lead ? "Lead" : "Support")), Cell(task.Task.Id), Cell(task.Task.Text), Due(task.Task),
                            Cell(ReportText.Status(report?.Status)), report is null ? Cell(string.Empty) : Number(report.Percent),
                            Cell(report?.Result ?? string.Empty), Cell(report?.Difficulties ?? string.Empty), Cell(report?.Proposals ?? string.Empty),
                            Cell(report?.SubmittedBy ?? string.Empty), Cell(report?.SubmittedAt.ToOffset(Core.VietnamTime.Offset).ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture) ?? string.Empty),
                            .. OnTimeCells(task.Task, report, summary.AsOf), Cell(returned.GetValueOrDefault(agency) ?? string.Empty), Cell(report?.Evidence ?? string.Empty),
                            Cell(report is null ? explained.GetValueOrDefault(agency) ?? string.Empty : string.Empty),
                            Cell(string.Join(", ", filesOf[(agency, task.Task.Id)].Select(f => f.FileName)))]);
                    }
                }

                foreach (var lower in summary.LowerLevels)
                {
                    r++;
                    var report = lower.Report;
                    var task = summary.Plan.Tasks.First(t => t.Id == lower.MatchedTaskId);
                    WriteRow(writer, r, [
                        Cell($"[{lower.Issuer}] {report.Agency}"), Cell(lower.PlanNumber), Cell(task.Id), Cell(task.Text), Due(task),
                        Cell(ReportText.Status(report.Status)), Number(report.Percent), Cell(report.Result), Cell(report.Difficulties), Cell(report.Proposals),
                        Cell(report.SubmittedBy), Cell(report.SubmittedAt.ToOffset(Core.VietnamTime.Offset).ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture)),
                        .. OnTimeCells(task, report, summary.AsOf)]);
                }

                writer.WriteEndElement();
                writer.WriteElement(new AutoFilter { Reference = $"A1:R{r}" });
                writer.WriteEndElement();
            }

            var agencies = workbook.AddNewPart<WorksheetPart>();
            WriteStandings(agencies, summary.Standings, summary.AcrossRounds);
            var sheets = workbook.Workbook.AppendChild(new Sheets());
            sheets.Append(new Sheet { Id = workbook.GetIdOfPart(sheetPart), SheetId = 1U, Name = ReportText.Get("Sheet") });
            sheets.Append(new Sheet { Id = workbook.GetIdOfPart(agencies), SheetId = 2U, Name = ReportText.Get("SheetAgencies") });
            workbook.Workbook.Save();
        }

        return stream.ToArray();
    }

    private const uint BoldStyle = 1;
    private const uint DateStyle = 2;

    /// <summary>The task's due date: an Excel date when the plan gives a day, else its words ("Quý IV/2026", "Thường xuyên").</summary>
    private static Cell Due(PlanTask task) => task.Due is { } due
        ? new Cell { CellValue = new CellValue(due.ToDateTime(TimeOnly.MinValue).ToOADate().ToString(CultureInfo.InvariantCulture)), StyleIndex = DateStyle }
        : Cell(task.DueText ?? string.Empty);

    private static Cell[] OnTimeCells(PlanTask task, Core.StatusReports.StatusReport? report, DateOnly asOf)
    {
        var status = OnTime.Of(task, report, asOf);
        return [Cell(ReportText.Get("OnTime_" + status)), Cell(status == OnTimeStatus.OverdueNotDone ? ReportText.Get("Yes") : string.Empty)];
    }

    /// <summary>The sheet of agencies, best first: rank, parts, each on-time status, the share not late.</summary>
    private static void WriteStandings(WorksheetPart part, IReadOnlyList<AgencyStanding> standings, IReadOnlyList<AgencyStanding>? across)
    {
        using var writer = OpenXmlWriter.Create(part);
        writer.WriteStartElement(new Worksheet());
        writer.WriteElement(FrozenHeader());
        writer.WriteElement(new Columns(new Column { Min = 2U, Max = 2U, Width = 40D, CustomWidth = true }, new Column { Min = 4U, Max = 9U, Width = 18D, CustomWidth = true }));
        writer.WriteStartElement(new SheetData());
        var statuses = Enum.GetValues<OnTimeStatus>();
        Cell[] acrossHeader = across is null ? [] : [Header(ReportText.Get("ColRateAcross")), Header(ReportText.Get("ColRankAcross"))];
        WriteRow(writer, 1, [Header(ReportText.Get("ColRank")), Header(ReportText.Get("ColAgency")), Header(ReportText.Get("ColParts")), .. statuses.Select(s => Header(ReportText.Get("OnTime_" + s))), Header(ReportText.Get("ColRate")), .. acrossHeader]);
        var overall = across?.ToDictionary(a => a.Agency, StringComparer.Ordinal);
        uint r = 1;
        foreach (var s in standings)
        {
            r++;
            Cell[] acrossCells = overall?.GetValueOrDefault(s.Agency) is { } o ? [Number((int)Math.Round(o.OnTimeRate * 100)), Number(o.Rank)] : [];
            WriteRow(writer, r, [Number(s.Rank), Cell(s.Agency), Number(s.Parts), .. statuses.Select(status => Number(s.Counts[status])), Number((int)Math.Round(s.OnTimeRate * 100)), .. acrossCells]);
        }

        writer.WriteEndElement();
        writer.WriteElement(new AutoFilter { Reference = $"A1:{(across is null ? "I" : "K")}{r}" });
        writer.WriteEndElement();
    }

    /// <summary>Default text, bold (the header) and a date (dd/mm/yyyy in a Vietnamese Excel: the built-in short date).</summary>
    private static Stylesheet Styles() => new(
        new Fonts(new Font(new FontSize { Val = 11D }, new FontName { Val = "Calibri" }), new Font(new Bold(), new FontSize { Val = 11D }, new FontName { Val = "Calibri" })) { Count = 2U },
        new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2U },
        new Borders(new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder())) { Count = 1U },
        new CellFormats(
            new CellFormat { FontId = 0U, FillId = 0U, BorderId = 0U, NumberFormatId = 0U },
            new CellFormat { FontId = 1U, FillId = 0U, BorderId = 0U, NumberFormatId = 0U, ApplyFont = true },
            new CellFormat { FontId = 0U, FillId = 0U, BorderId = 0U, NumberFormatId = 14U, ApplyNumberFormat = true }) { Count = 3U });

    /// <summary>The first row stays in view while scrolling.</summary>
    private static SheetViews FrozenHeader() =>
        new(new SheetView(new Pane { VerticalSplit = 1D, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen }) { WorkbookViewId = 0U });

    private static Cell Header(string text)
    {
        var cell = Cell(text);
        cell.StyleIndex = BoldStyle;
        return cell;
    }

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
