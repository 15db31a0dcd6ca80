using CoordinationBot.Core.Consolidation;
using CoordinationBot.Core.Plans;
using static CoordinationBot.Documents.Reports.WordParts;

namespace CoordinationBot.Documents.Reports;

/// <summary>The report's appendix tables, written row by row (SAX-style): per agency and task, and Phụ lục 2's ranking.</summary>
internal static class ReportTables
{
    public static void WriteAppendixTable(System.Xml.XmlWriter writer, ConsolidationSummary summary)
    {
        // No., agency, task, due, role, status, %, on time across 9,355 twips of text width.
        StartTable(writer, 620, 2080, 850, 1000, 900, 1200, 900, 1805);
        writer.WriteElement(HeaderRow(ReportText.Get("ColNo"), ReportText.Get("ColAgency"), ReportText.Get("ColTask"), ReportText.Get("ColDue"), ReportText.Get("ColRole"), ReportText.Get("ColStatus"), ReportText.Get("ColPercent"), ReportText.Get("ColOnTime")));
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
                TableRows.Write(writer, n.ToString(System.Globalization.CultureInfo.InvariantCulture), agency, task.Task.Id, ReportSections.Due(task.Task), ReportText.Get(role == Role.Lead ? "Lead" : "Support"), status, report?.Percent.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty, ReportText.Get("OnTime_" + OnTime.Of(task.Task, report, summary.AsOf)));
            }
        }

        writer.WriteEndElement();
    }

    /// <summary>Phụ lục 2: every agency's on-time standing, best first, for thi đua.</summary>
    public static void WriteRankingTable(System.Xml.XmlWriter writer, ConsolidationSummary summary)
    {
        StartTable(writer, 820, 2935, 1000, 1200, 1200, 1200, 1000);
        writer.WriteElement(HeaderRow(ReportText.Get("ColRank"), ReportText.Get("ColAgency"), ReportText.Get("ColParts"), ReportText.Get("OnTime_DoneOnTime"), ReportText.Get("OnTime_DoneLate"), ReportText.Get("OnTime_OverdueNotDone"), ReportText.Get("ColRate")));
        var invariant = System.Globalization.CultureInfo.InvariantCulture;
        foreach (var s in summary.Standings)
        {
            TableRows.Write(writer, s.Rank.ToString(invariant), s.Agency, s.Parts.ToString(invariant), s.Counts[OnTimeStatus.DoneOnTime].ToString(invariant), s.Counts[OnTimeStatus.DoneLate].ToString(invariant), s.Counts[OnTimeStatus.OverdueNotDone].ToString(invariant), Math.Round(s.OnTimeRate * 100).ToString(invariant));
        }

        writer.WriteEndElement();
    }
}
