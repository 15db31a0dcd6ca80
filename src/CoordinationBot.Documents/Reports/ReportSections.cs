using CoordinationBot.Core.Consolidation;
using CoordinationBot.Core.Plans;
using CoordinationBot.Core.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;
using static CoordinationBot.Documents.Reports.WordParts;

namespace CoordinationBot.Documents.Reports;

/// <summary>What the report says, in Phụ lục I's order: the letterhead (who issues it, to whom) and sections I–IV.</summary>
internal static class ReportSections
{
    /// <summary>Who issues the report, its number, place and date, the motto, the title, the subject and to whom it goes.</summary>
    public static IEnumerable<OpenXmlElement> Letterhead(ConsolidationSummary summary, ReportAuthority authority)
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
    public static IEnumerable<OpenXmlElement> Sections(ConsolidationSummary summary)
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

    public static string Due(PlanTask task) =>
        task.Due?.ToVietnameseDate() ?? task.DueText ?? string.Empty;

    /// <summary>A heading the plan wrote in capitals ("NHIỆM VỤ, GIẢI PHÁP") as a sentence; others as written.</summary>
    private static string SentenceCase(string text)
    {
        var vietnamese = System.Globalization.CultureInfo.GetCultureInfo("vi-VN");
        return text.Any(char.IsLower) || text.Length < 2 ? text : char.ToUpper(text[0], vietnamese) + text[1..].ToLower(vietnamese);
    }
}
