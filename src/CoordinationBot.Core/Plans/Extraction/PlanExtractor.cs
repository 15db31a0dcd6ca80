using System.Text.RegularExpressions;
using CoordinationBot.Core.Agencies;

namespace CoordinationBot.Core.Plans.Extraction;

/// <summary>
/// Reads a plan from its text (one paragraph or broken line per line; tables as pipe rows): header facts, tasks with
/// their agencies and roles, reporting rules and the focal agency. Pure: no I/O.
/// </summary>
public sealed partial class PlanExtractor(AgencyRegistry registry)
{
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, PlanExtractor> OfProvince = new(StringComparer.Ordinal);
    private readonly TaskBuilder tasks = new(registry);
    private readonly ReportingReader reporting = new(registry);

    public static PlanExtractor Default { get; } = new(AgencyRegistry.Default);

    /// <summary>The plan read with the registry its issuer sets: a province's own agencies only in that province's plans.</summary>
    public Plan Extract(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        // The text is split and its header read once; the header needs no registry, the body is read with the issuer's.
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Split('\n');
        var bodyStart = Array.FindIndex(lines, IsFirstSection);
        var preamble = bodyStart >= 0 ? lines[..bodyStart] : lines;
        var body = bodyStart >= 0 ? lines[bodyStart..] : [];
        if (bodyStart < 0 && Array.FindIndex(lines, l => l.TrimStart().StartsWith('|')) is var table and >= 0)
        {
            // A document that is only a task table (an assignment table sent on its own, "Biểu phân công nhiệm vụ"):
            // the table is its one section.
            preamble = lines[..table];
            body = [TableSection, .. lines[table..]];
        }

        var header = HeaderReader.Read(preamble);
        var own = AgencyRegistry.ForIssuer(header.Issuer);
        var reader = own.Province is { } province && province != registry.Province ? OfProvince.GetOrAdd(province, _ => new PlanExtractor(own)) : this;
        return reader.ReadBody(header, body);
    }

    private Plan ReadBody(PlanHeader header, string[] body)
    {
        var blocks = BlockReader.Read(body);
        var outline = PlanOutline.Build(blocks);
        var built = tasks.Build(outline, header.Year);

        var rules = Distinct(reporting.Read(blocks.Select(b => b.Text), header.Year, header.IssuedOn));
        var focal = FocalAgency(rules, built);
        var review = built.SelectMany(b => b.UnknownAgencies).Distinct().ToList();
        return new Plan(
            header.Kind,
            header.Number,
            header.Issuer,
            header.IssuedOn,
            header.Year,
            header.Title,
            header.Implements,
            focal,
            rules.Select(r => r.Rule).ToList(),
            built.Select(b => b.Task).ToList(),
            review);
    }

    private const string TableSection = "I. NHIỆM VỤ";

    /// <summary>At most this many reporting rules: more is a hostile or broken document, not a plan.</summary>
    public const int MaxReportingRules = 40;

    /// <summary>
    /// A rule said again (every task of a table ending "…, báo cáo trước ngày 15/6/2026") is one rule: the same cadence,
    /// dates and recipients keep their first wording; one that consolidates counts as such.
    /// </summary>
    private static List<(ReportingRule Rule, bool Consolidates)> Distinct(List<(ReportingRule Rule, bool Consolidates)> rules) =>
        rules.GroupBy(r => (r.Rule.Cadence, Dues: string.Join(',', r.Rule.Dues), r.Rule.To, r.Rule.Via))
            .Select(g => (g.First().Rule, g.Any(r => r.Consolidates)))
            .Take(MaxReportingRules)
            .ToList();

    /// <summary>
    /// The agency that consolidates: reports sent to it "để tổng hợp" count most, then an item that makes it "cơ quan
    /// đầu mối", then any agency reports are sent through.
    /// </summary>
    private static string? FocalAgency(List<(ReportingRule Rule, bool Consolidates)> rules, List<BuiltTask> built)
    {
        var votes = new Dictionary<string, int>(StringComparer.Ordinal);
        void Vote(string? agency, int weight)
        {
            if (agency is not null)
            {
                votes[agency] = votes.GetValueOrDefault(agency) + weight;
            }
        }

        foreach (var (rule, consolidates) in rules)
        {
            Vote(rule.Via, consolidates ? 3 : 1);
        }

        foreach (var agency in built.SelectMany(b => b.FocalAgencies))
        {
            Vote(agency, 2);
        }

        return votes.Count == 0 ? null : votes.OrderByDescending(v => v.Value).First().Key;
    }

    private static bool IsFirstSection(string line)
    {
        var match = FirstSection().Match(line.Trim());
        return match.Success && !match.Groups[1].Value.Any(char.IsLower);
    }

    [GeneratedRegex(@"^[IVX]{1,5}\.\s*(\S.*)$")]
    private static partial Regex FirstSection();
}
