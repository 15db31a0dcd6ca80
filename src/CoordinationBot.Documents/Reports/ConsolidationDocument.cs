using CoordinationBot.Core.Consolidation;
using CoordinationBot.Core.Plans;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using CoordinationBot.Core.Text;

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
    private const string CellStyle = "TableCell";

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
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
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
                { Type = StyleValues.Paragraph, StyleId = CellStyle });
            // Written as it goes (SAX-style): the results and the appendix (a paragraph and a row per report) never
            // stand as one document tree in memory.
            using (var writer = OpenXmlWriter.Create(main))
            {
                writer.WriteStartElement(new Document());
                writer.WriteStartElement(new Body());
                foreach (var element in Contents(summary, authority, ownLayout))
                {
                    writer.WriteElement(element);
                }

                WriteAppendixTable(writer, summary);
                writer.WriteElement(Line(string.Empty, 13));
                writer.WriteElement(Line(ReportText.Get("Appendix2"), 13, bold: true));
                WriteRankingTable(writer, summary);
                // The page number in the header, centred, from the second page on (the first has its own title page).
                writer.WriteElement(new SectionProperties(
                    new HeaderReference { Type = HeaderFooterValues.Default, Id = main.GetIdOfPart(header) },
                    new PageSize { Width = 11906U, Height = 16838U, Orient = PageOrientationValues.Portrait },
                    new PageMargin { Top = 1134, Bottom = 1134, Left = 1701U, Right = 850U, Header = 567U, Footer = 720U, Gutter = 0U },
                    new TitlePage()));
                writer.WriteEndElement();
                writer.WriteEndElement();
            }
        }

        return stream.ToArray();
    }

    /// <summary>The report up to its appendix table, one top-level element at a time.</summary>
    /// <summary>The report up to its appendix table; without its own layout (a template has it), only the sections and the appendix's title.</summary>
    private static IEnumerable<OpenXmlElement> Contents(ConsolidationSummary summary, ReportAuthority authority, bool ownLayout)
    {
        if (ownLayout)
        {
            foreach (var element in Letterhead(summary, authority))
            {
                yield return element;
            }
        }

        foreach (var element in Sections(summary))
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

    /// <summary>Who issues the report, its number, place and date, the motto, the title, the subject and to whom it goes.</summary>
    private static IEnumerable<OpenXmlElement> Letterhead(ConsolidationSummary summary, ReportAuthority authority)
    {
        var plan = summary.Plan;
        var left = new List<Paragraph>();
        if (authority.Superior is { } superior)
        {
            left.Add(Line(superior, 12));
        }

        left.Add(Line(authority.Issuer, 13, bold: true));
        left.Add(Rule(900));
        left.Add(Line(ReportText.Format("Number", authority.Code), 13));
        yield return TwoColumns(
            [.. left],
            [Line(ReportText.Get("Motto"), 12, bold: true), Line(ReportText.Get("Independence"), 13, bold: true), Rule(1150), Line(ReportText.Format("PlaceDate", authority.Place, summary.Round.Period.Year), 13, italic: true)]);
        yield return Line(string.Empty, 13);
        yield return Line(ReportText.Get("Title"), 14, bold: true);
        yield return Line(ReportText.Format("Subject", ReportText.Kind(plan.Kind), plan.Number ?? ReportText.Get("NoNumber")), 14, bold: true);
        yield return Line(plan.Title, 14, bold: true);
        yield return Line(ReportText.Format("Period", ReportText.Period(summary.Round.Period)), 14, italic: true);
        yield return Rule(3600);
        yield return Line(ReportText.Format("To", authority.Recipient), 14);
        yield return Line(string.Empty, 13);
    }

    /// <summary>Sections I–IV of Phụ lục I: results, shortcomings, next period, proposals.</summary>
    private static IEnumerable<OpenXmlElement> Sections(ConsolidationSummary summary)
    {
        yield return Heading(ReportText.Get("SectionResults"));
        yield return Text(ReportText.Get("SectionGeneral"), bold: true);
        yield return Text(ReportText.Format("Reported", summary.Reported.Count, summary.Expected.Count));
        var counts = summary.StatusCounts;
        yield return Text(ReportText.Format("Counts", counts[Core.StatusReports.ProgressStatus.NotStarted], counts[Core.StatusReports.ProgressStatus.InProgress], counts[Core.StatusReports.ProgressStatus.Done], counts[Core.StatusReports.ProgressStatus.Blocked]));
        yield return Text(summary.Missing.Count > 0 ? ReportText.Format("Missing", string.Join("; ", summary.Missing)) : ReportText.Get("NoneMissing"));
        var onTime = summary.OnTimeCounts;
        yield return Text(ReportText.Format("OnTimeCounts", onTime[OnTimeStatus.DoneOnTime], onTime[OnTimeStatus.DoneLate], onTime[OnTimeStatus.InProgressOnTime], onTime[OnTimeStatus.OverdueNotDone], onTime[OnTimeStatus.NotStarted]));
        if (summary.Standings.Count > 0)
        {
            yield return Text(ReportText.Format("Ranking", string.Join("; ", summary.Standings.Take(10).Select(a => ReportText.Format("RankEntry", a.Rank, a.Agency, a.OnTimeRate * 100)))));
        }

        if (summary.AcrossRounds is { Count: > 0 } across)
        {
            yield return Text(ReportText.Format("RankingAcross", summary.RoundsCounted, string.Join("; ", across.Take(10).Select(a => ReportText.Format("RankEntry", a.Rank, a.Agency, a.OnTimeRate * 100)))));
        }

        yield return Text(ReportText.Get("SectionTasks"), bold: true);
        var returned = summary.Returned.Select(x => x.Agency).ToHashSet(StringComparer.Ordinal);
        var filesOf = summary.EvidenceFiles.ToLookup(f => (f.Agency, f.TaskId));
        var lowerByTask = summary.LowerLevels.ToLookup(l => l.MatchedTaskId, StringComparer.Ordinal);
        var n = 0;
        var groups = summary.Tasks.Select(t => t.Task.SectionTitle).Distinct(StringComparer.Ordinal).Count();
        string? section = null;
        var letter = 'a';
        foreach (var task in summary.Tasks)
        {
            // Grouped by the plan's own sections; numbered within the report, the plan's task number and due date in
            // brackets, so the report is not headed "III.1.a.".
            if (groups > 1 && !string.Equals(task.Task.SectionTitle, section, StringComparison.Ordinal))
            {
                section = task.Task.SectionTitle;
                yield return Text($"{letter++}) {SentenceCase(section)}", bold: true, italic: true);
            }

            yield return Text($"{++n}. {task.Task.Text} ({TaskReference(task.Task)})", bold: true);
            foreach (var (agency, role, report) in task.Agencies)
            {
                // In a chain round the supports' parts are shown under the lead's report, as parts of it.
                var chainPart = summary.Round.IsChain && role == Role.Support;
                var roleName = ReportText.Get(role == Role.Lead ? "Lead" : chainPart ? "SupportPart" : "Support");
                var state = (report is null ? ReportText.Get("NotReported") : $"{ReportText.Status(report.Status)}, {report.Percent}%" + (report.Result.Length > 0 ? $": {report.Result}" : string.Empty)
                    + (report is { Evidence.Length: > 0 } ? ReportText.Format("EvidenceMark", report.Evidence) : string.Empty))
                    + (filesOf[(agency, task.Task.Id)] is var sent && sent.Any() ? ReportText.Format("EvidenceFilesMark", string.Join(", ", sent.Select(f => f.FileName))) : string.Empty);
                yield return Text($"{(chainPart ? "  + " : "- ")}{agency} ({roleName}): {state}" + (report is not null && returned.Contains(agency) ? ReportText.Get("ReturnedMark") : string.Empty));
            }

            foreach (var lower in lowerByTask[task.Task.Id])
            {
                var report = lower.Report;
                yield return Text($"- [{lower.Issuer}] {report.Agency}: {ReportText.Status(report.Status)}, {report.Percent}%" + (report.Result.Length > 0 ? $": {report.Result}" : string.Empty));
            }
        }

        yield return Heading(ReportText.Get("SectionIssues"));
        if (summary.Missing.Count > 0)
        {
            yield return Text(ReportText.Format("IssueMissing", summary.Missing.Count, summary.Expected.Count));
        }

        if (summary.Returned.Count > 0)
        {
            yield return Text(ReportText.Format("IssueReturned", summary.Returned.Count, string.Join("; ", summary.Returned.Select(x => ReportText.Format("ReturnedEntry", x.Agency, x.At.ToVietnameseDate(), VietnameseText.Shorten(x.Comment, 200))))));
        }

        if (summary.Explanations.Count > 0)
        {
            yield return Text(ReportText.Format("IssueExplained", summary.Explanations.Count, string.Join("; ", summary.Explanations.Select(x => ReportText.Format("ExplainedEntry", x.Agency, VietnameseText.Shorten(x.Reason, 200), x.NewDate.ToVietnameseDate())))));
        }

        var late = summary.OnTimeCounts;
        if (late[OnTimeStatus.OverdueNotDone] + late[OnTimeStatus.DoneLate] > 0)
        {
            yield return Text(ReportText.Format("IssueLate", late[OnTimeStatus.OverdueNotDone], late[OnTimeStatus.DoneLate]));
        }

        yield return Text(ReportText.Get("Difficulties"), bold: true);
        foreach (var note in Notes(summary.Difficulties))
        {
            yield return note;
        }

        yield return Heading(ReportText.Get("SectionNext"));
        foreach (var next in NextPeriod(summary))
        {
            yield return next;
        }

        yield return Heading(ReportText.Get("SectionProposals"));
        foreach (var note in Notes(summary.Proposals))
        {
            yield return note;
        }

    }

    private const int MaxNextTasks = 30;

    /// <summary>
    /// Section IV: the tasks still open (no lead has reported them done), earliest due first, and the agencies to chase.
    /// </summary>
    private static IEnumerable<Paragraph> NextPeriod(ConsolidationSummary summary)
    {
        var open = summary.Tasks
            .Where(t => !t.Agencies.Any(a => a.Role == Role.Lead && a.Report?.Status == Core.StatusReports.ProgressStatus.Done))
            .OrderBy(t => t.Task.Due ?? DateOnly.MaxValue)
            .ToList();
        if (open.Count == 0)
        {
            yield return Text(ReportText.Get("NextAllDone"));
        }

        foreach (var task in open.Take(MaxNextTasks))
        {
            var leads = task.Agencies.Where(a => a.Role == Role.Lead).Select(a => a.Agency).Distinct(StringComparer.Ordinal).ToList();
            var who = leads.Count > 0 ? ReportText.Format("NextLead", string.Join("; ", leads.Take(5)) + (leads.Count > 5 ? "…" : string.Empty)) : string.Empty;
            var blocked = task.Agencies.Any(a => a.Report?.Status == Core.StatusReports.ProgressStatus.Blocked);
            yield return Text(ReportText.Format(blocked ? "NextBlocked" : "NextTask", Core.Text.VietnameseText.Shorten(task.Task.Text, 200), TaskReference(task.Task), who));
        }

        if (open.Count > MaxNextTasks)
        {
            yield return Text(ReportText.Format("NextMore", open.Count - MaxNextTasks));
        }

        if (summary.Missing.Count > 0)
        {
            yield return Text(ReportText.Format("NextChase", summary.Missing.Count));
        }
    }

    private static string TaskReference(PlanTask task) =>
        Due(task) is { Length: > 0 } due ? ReportText.Format("TaskRefDue", task.Id, due) : ReportText.Format("TaskRef", task.Id);

    /// <summary>A short centred rule under a heading block: an empty paragraph with a bottom border, indented on both sides.</summary>
    private static Paragraph Rule(int indent) =>
        new(new ParagraphProperties(
            new ParagraphBorders(new BottomBorder { Val = BorderValues.Single, Size = 6, Space = 1 }),
            new SpacingBetweenLines { After = "60", Line = "120", LineRule = LineSpacingRuleValues.Exact },
            new Indentation { Left = indent.ToString(System.Globalization.CultureInfo.InvariantCulture), Right = indent.ToString(System.Globalization.CultureInfo.InvariantCulture) }));

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
        // No., agency, task, due, role, status, %, on time across 9,355 twips of text width.
        StartTable(writer, 620, 2080, 850, 1000, 900, 1200, 900, 1805);
        writer.WriteElement(Row(true, ReportText.Get("ColNo"), ReportText.Get("ColAgency"), ReportText.Get("ColTask"), ReportText.Get("ColDue"), ReportText.Get("ColRole"), ReportText.Get("ColStatus"), ReportText.Get("ColPercent"), ReportText.Get("ColOnTime")));
        var n = 0;
        var filesOf = summary.EvidenceFiles.ToLookup(f => (f.Agency, f.TaskId));
        foreach (var task in summary.Tasks)
        {
            foreach (var (agency, role, report) in task.Agencies)
            {
                n++;
                // The status, and what proves it: the document's number and the files sent.
                string[] proof = [.. report is { Evidence.Length: > 0 } ? [report.Evidence] : Array.Empty<string>(), .. filesOf[(agency, task.Task.Id)].Select(f => f.FileName)];
                var status = ReportText.Status(report?.Status) + (proof.Length > 0 ? ReportText.Format("AppendixProof", string.Join("; ", proof)) : string.Empty);
                writer.WriteElement(Row(false, n.ToString(System.Globalization.CultureInfo.InvariantCulture), agency, task.Task.Id, Due(task.Task), ReportText.Get(role == Role.Lead ? "Lead" : "Support"), status, report?.Percent.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty, ReportText.Get("OnTime_" + OnTime.Of(task.Task, report, summary.AsOf))));
            }
        }

        writer.WriteEndElement();
    }

    /// <summary>Phụ lục 2: every agency's on-time standing, best first, for thi đua.</summary>
    private static void WriteRankingTable(OpenXmlWriter writer, ConsolidationSummary summary)
    {
        StartTable(writer, 820, 2935, 1000, 1200, 1200, 1200, 1000);
        writer.WriteElement(Row(true, ReportText.Get("ColRank"), ReportText.Get("ColAgency"), ReportText.Get("ColParts"), ReportText.Get("OnTime_DoneOnTime"), ReportText.Get("OnTime_DoneLate"), ReportText.Get("OnTime_OverdueNotDone"), ReportText.Get("ColRate")));
        var invariant = System.Globalization.CultureInfo.InvariantCulture;
        foreach (var s in summary.Standings)
        {
            writer.WriteElement(Row(false, s.Rank.ToString(invariant), s.Agency, s.Parts.ToString(invariant), s.Counts[OnTimeStatus.DoneOnTime].ToString(invariant), s.Counts[OnTimeStatus.DoneLate].ToString(invariant), s.Counts[OnTimeStatus.OverdueNotDone].ToString(invariant), Math.Round(s.OnTimeRate * 100).ToString(invariant)));
        }

        writer.WriteEndElement();
    }

    /// <summary>Opens a bordered table across the text width with columns of these widths (twips).</summary>
    private static void StartTable(OpenXmlWriter writer, params int[] widths)
    {
        writer.WriteStartElement(new Table());
        writer.WriteElement(new TableProperties(
            new TableWidth { Width = "5000", Type = TableWidthUnitValues.Pct },
            new TableBorders(
                new TopBorder { Val = BorderValues.Single, Size = 4 }, new LeftBorder { Val = BorderValues.Single, Size = 4 },
                new BottomBorder { Val = BorderValues.Single, Size = 4 }, new RightBorder { Val = BorderValues.Single, Size = 4 },
                new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4 }, new InsideVerticalBorder { Val = BorderValues.Single, Size = 4 })));
        writer.WriteElement(new TableGrid(widths.Select(w => new GridColumn { Width = w.ToString(System.Globalization.CultureInfo.InvariantCulture) })));
    }

    private static string Due(PlanTask task) =>
        task.Due?.ToVietnameseDate() ?? task.DueText ?? string.Empty;

    /// <summary>A row of the appendix: 12 pt from the cell style, so 20,000 rows stay light; the header row repeats on every page.</summary>
    private static TableRow Row(bool header, params string[] cells)
    {
        var row = new TableRow();
        if (header)
        {
            row.Append(new TableRowProperties(new TableHeader()));
        }

        row.Append(cells.Select(cell => new TableCell(new Paragraph(
            new ParagraphProperties(new ParagraphStyleId { Val = CellStyle }),
            header ? new Run(new RunProperties(new Bold()), new Text(cell)) : new Run(new Text(cell) { Space = SpaceProcessingModeValues.Preserve })))));
        return row;
    }

    private static Table TwoColumns(Paragraph[] left, Paragraph[] right)
    {
        var none = new TableBorders(new TopBorder { Val = BorderValues.None }, new LeftBorder { Val = BorderValues.None }, new BottomBorder { Val = BorderValues.None }, new RightBorder { Val = BorderValues.None }, new InsideHorizontalBorder { Val = BorderValues.None }, new InsideVerticalBorder { Val = BorderValues.None });
        // 165 mm of text width (A4 less 30 + 15 mm margins) = 9355 twips: the motto needs the wider right column, the
        // superior body ("UBND TỈNH TUYÊN QUANG") one line of the left.
        return new Table(
            new TableProperties(new TableWidth { Width = "5000", Type = TableWidthUnitValues.Pct }, none, new TableLayout { Type = TableLayoutValues.Fixed }),
            new TableGrid(new GridColumn { Width = "3955" }, new GridColumn { Width = "5400" }),
            new TableRow(Cell(2115, left), Cell(2885, right)));
    }

    private static TableCell Cell(int widthFiftieths, Paragraph[] paragraphs)
    {
        var cell = new TableCell(new TableCellProperties(new TableCellWidth { Width = widthFiftieths.ToString(System.Globalization.CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Pct }));
        cell.Append(paragraphs);
        return cell;
    }

    private static Paragraph Heading(string text) => Text(text, bold: true);

    /// <summary>Body text: 14 pt, justified, first line indented.</summary>
    private static Paragraph Text(string text, bool bold = false, bool italic = false) =>
        new(new ParagraphProperties(new SpacingBetweenLines { After = "120" }, new Indentation { FirstLine = "567" }, new Justification { Val = JustificationValues.Both }), Run(text, 14, bold, italic));

    /// <summary>A heading the plan wrote in capitals ("NHIỆM VỤ, GIẢI PHÁP") as a sentence; others as written.</summary>
    private static string SentenceCase(string text)
    {
        var vietnamese = System.Globalization.CultureInfo.GetCultureInfo("vi-VN");
        return text.Any(char.IsLower) || text.Length < 2 ? text : char.ToUpper(text[0], vietnamese) + text[1..].ToLower(vietnamese);
    }

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
