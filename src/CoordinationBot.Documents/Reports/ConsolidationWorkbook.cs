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
        var streamed = new StreamedPackage();
        using var built = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(built, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            workbook.AddNewPart<WorkbookStylesPart>().Stylesheet = Styles();
            var sheetPart = workbook.AddNewPart<WorksheetPart>();
            streamed.Stream(sheetPart, writer => WriteMatrix(writer, summary));
            var agencies = workbook.AddNewPart<WorksheetPart>();
            streamed.Stream(agencies, writer => WriteStandings(writer, summary.Standings, summary.AcrossRounds));
            var sheets = workbook.Workbook.AppendChild(new Sheets());
            sheets.Append(new Sheet { Id = workbook.GetIdOfPart(sheetPart), SheetId = 1U, Name = ReportText.Get("Sheet") });
            sheets.Append(new Sheet { Id = workbook.GetIdOfPart(agencies), SheetId = 2U, Name = ReportText.Get("SheetAgencies") });
            workbook.Workbook.Save();
        }

        return streamed.Save(built);
    }

    /// <summary>The matrix: a row per agency × task (then the lower levels' reports), written as it goes (SAX-style).</summary>
    private static void WriteMatrix(System.Xml.XmlWriter writer, ConsolidationSummary summary)
    {
        writer.WriteStart(new Worksheet());
        writer.WriteElement(FrozenHeader());
        writer.WriteElement(new Columns(new Column { Min = 1U, Max = 1U, Width = 40D, CustomWidth = true }, new Column { Min = 4U, Max = 4U, Width = 60D, CustomWidth = true }, new Column { Min = 5U, Max = 5U, Width = 12D, CustomWidth = true }, new Column { Min = 8U, Max = 10U, Width = 50D, CustomWidth = true }, new Column { Min = 13U, Max = 13U, Width = 24D, CustomWidth = true }, new Column { Min = 15U, Max = 18U, Width = 50D, CustomWidth = true }));
        writer.WriteStart(new SheetData());
        var rows = new SheetRows(writer);
        string[] header = ["ColAgency", "ColRole", "ColTask", "ColTaskText", "ColDue", "ColStatus", "ColPercent", "ColResult", "ColDifficulties", "ColProposals", "ColBy", "ColAt", "ColOnTime", "ColOverdue", "ColReturned", "ColEvidence", "ColExplanation", "ColEvidenceFiles"];
        Headers(rows, header.Select(ReportText.Get));
        var returned = summary.Returned.ToDictionary(x => x.Agency, x => x.Comment, StringComparer.Ordinal);
        var filesOf = summary.EvidenceFiles.ToLookup(f => (f.Agency, f.TaskId));
        var explained = summary.Explanations.ToDictionary(x => x.Agency, x => ReportText.Format("ExplainedCell", x.Reason, Core.Text.VietnameseDates.ToVietnameseDate(x.NewDate)), StringComparer.Ordinal);
        var lead = ReportText.Get("Lead");
        var support = ReportText.Get("Support");
        foreach (var task in summary.Tasks)
        {
            foreach (var (agency, role, report) in task.Agencies)
            {
                rows.Start();
                rows.Texts(agency, role == Role.Lead ? lead : support, task.Task.Id, task.Task.Text);
                Due(rows, task.Task);
                rows.Text(ReportText.Status(report?.Status));
                if (report is null)
                {
                    rows.Text(string.Empty);
                }
                else
                {
                    rows.Number(report.Percent);
                }

                rows.Texts(report?.Result ?? string.Empty, report?.Difficulties ?? string.Empty, report?.Proposals ?? string.Empty, report?.SubmittedBy ?? string.Empty, SubmittedAt(report));
                OnTimeCells(rows, task.Task, report, summary.AsOf);
                rows.Texts(returned.GetValueOrDefault(agency) ?? string.Empty, report?.Evidence ?? string.Empty, report is null ? explained.GetValueOrDefault(agency) ?? string.Empty : string.Empty);
                rows.Text(string.Join(", ", filesOf[(agency, task.Task.Id)].Select(f => f.FileName)));
                rows.End();
            }
        }

        foreach (var lower in summary.LowerLevels)
        {
            var report = lower.Report;
            var task = summary.Plan.Tasks.First(t => t.Id == lower.MatchedTaskId);
            rows.Start();
            rows.Texts($"[{lower.Issuer}] {report.Agency}", lower.PlanNumber, task.Id, task.Text);
            Due(rows, task);
            rows.Text(ReportText.Status(report.Status));
            rows.Number(report.Percent);
            rows.Texts(report.Result, report.Difficulties, report.Proposals, report.SubmittedBy, SubmittedAt(report));
            OnTimeCells(rows, task, report, summary.AsOf);
            rows.End();
        }

        writer.WriteEndElement();
        writer.WriteElement(new AutoFilter { Reference = $"A1:R{rows.Count}" });
        writer.WriteEndElement();
    }

    private const uint BoldStyle = 1;
    private const uint DateStyle = 2;

    /// <summary>The task's due date: an Excel date when the plan gives a day, else its words ("Quý IV/2026", "Thường xuyên").</summary>
    private static void Due(SheetRows rows, PlanTask task)
    {
        if (task.Due is { } due)
        {
            rows.Number(due.ToDateTime(TimeOnly.MinValue).ToOADate(), DateStyle);
        }
        else
        {
            rows.Text(task.DueText ?? string.Empty);
        }
    }

    private static string SubmittedAt(Core.StatusReports.StatusReport? report) =>
        report?.SubmittedAt.ToOffset(Core.VietnamTime.Offset).ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture) ?? string.Empty;

    private static void OnTimeCells(SheetRows rows, PlanTask task, Core.StatusReports.StatusReport? report, DateOnly asOf)
    {
        var status = OnTime.Of(task, report, asOf);
        rows.Texts(ReportText.Get("OnTime_" + status), status == OnTimeStatus.OverdueNotDone ? ReportText.Get("Yes") : string.Empty);
    }

    /// <summary>The sheet of agencies, best first: rank, parts, each on-time status, the share not late.</summary>
    private static void WriteStandings(System.Xml.XmlWriter writer, IReadOnlyList<AgencyStanding> standings, IReadOnlyList<AgencyStanding>? across)
    {
        writer.WriteStart(new Worksheet());
        writer.WriteElement(FrozenHeader());
        writer.WriteElement(new Columns(new Column { Min = 2U, Max = 2U, Width = 40D, CustomWidth = true }, new Column { Min = 4U, Max = 9U, Width = 18D, CustomWidth = true }));
        writer.WriteStart(new SheetData());
        var statuses = Enum.GetValues<OnTimeStatus>();
        var rows = new SheetRows(writer);
        string[] acrossHeader = across is null ? [] : [ReportText.Get("ColRateAcross"), ReportText.Get("ColRankAcross")];
        Headers(rows, [ReportText.Get("ColRank"), ReportText.Get("ColAgency"), ReportText.Get("ColParts"), .. statuses.Select(s => ReportText.Get("OnTime_" + s)), ReportText.Get("ColRate"), .. acrossHeader]);
        var overall = across?.ToDictionary(a => a.Agency, StringComparer.Ordinal);
        foreach (var s in standings)
        {
            rows.Start();
            rows.Number(s.Rank);
            rows.Text(s.Agency);
            rows.Number(s.Parts);
            foreach (var status in statuses)
            {
                rows.Number(s.Counts[status]);
            }

            rows.Number(Math.Round(s.OnTimeRate * 100));
            if (overall?.GetValueOrDefault(s.Agency) is { } o)
            {
                rows.Number(Math.Round(o.OnTimeRate * 100));
                rows.Number(o.Rank);
            }

            rows.End();
        }

        writer.WriteEndElement();
        writer.WriteElement(new AutoFilter { Reference = $"A1:{(across is null ? "I" : "K")}{rows.Count}" });
        writer.WriteEndElement();
    }

    private static void Headers(SheetRows rows, IEnumerable<string> names)
    {
        rows.Start();
        foreach (var name in names)
        {
            rows.Text(name, BoldStyle);
        }

        rows.End();
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
}
