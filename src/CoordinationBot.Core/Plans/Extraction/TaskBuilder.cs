using System.Text.RegularExpressions;
using CoordinationBot.Core.Agencies;
using CoordinationBot.Core.Text;

namespace CoordinationBot.Core.Plans.Extraction;

/// <summary>
/// Turns the outline into tasks with ids from the numbering (IV.3.a), and assigns agencies: from an agency heading
/// above the items, from agencies a sentence starts with, from "Cơ quan chủ trì: …" blocks and table columns,
/// with roles from the wording (<see cref="RoleReader"/>).
/// </summary>
public sealed partial class TaskBuilder(AgencyRegistry registry)
{
    private readonly AgencyListReader agencyLists = new(registry);
    private readonly RoleReader roles = new(registry);
    private readonly TableTaskReader tables = new(registry);

    public List<BuiltTask> Build(PlanOutline outline, int? year)
    {
        ArgumentNullException.ThrowIfNull(outline);
        var tasks = new List<BuiltTask>();
        foreach (var section in outline.Sections.Where(IsTaskSection))
        {
            var attachment = MentionsAttachment(section);
            if (section.Paragraphs.Count > 0)
            {
                var text = string.Join(' ', section.Paragraphs);
                tasks.Add(Create(section.Marker, section.Title, text, LeadingAgencies(text), year, attachment));
            }

            foreach (var letter in section.Letters)
            {
                tasks.Add(Create($"{section.Marker}.{letter.Marker}", section.Title, letter.Text, Heading.None, year, attachment));
            }

            foreach (var item in section.Items)
            {
                tasks.AddRange(FromItem(section, item, year, attachment));
            }

            tasks.AddRange(tables.Read(section, year));
        }

        return Deduplicate(tasks);
    }

    private IEnumerable<BuiltTask> FromItem(SectionNode section, NumberNode item, int? year, bool attachment)
    {
        var id = $"{section.Marker}.{item.Marker}";
        var list = agencyLists.Read(item.Heading);
        var heading = list.IsHeading ? new Heading(list.Names, list.Requested, list.Unknown) : Heading.None;
        var title = item.Heading;

        if (list.IsLeadingSentence)
        {
            // "3. Sở Ngoại vụ có trách nhiệm theo dõi …": the agencies lead what the sentence (and what follows it) says.
            var text = string.Join(' ', item.Paragraphs.Prepend(item.Heading));
            yield return Create(id, title, text, new Heading(list.Names, list.Requested, list.Unknown), year, attachment, list.Rest);
        }
        else if (item.Paragraphs.Count > 0 || (item.Letters.Count == 0 && item.Dashes.Count == 0))
        {
            var text = item.Paragraphs.Count > 0 ? string.Join(' ', item.Paragraphs) : item.Heading;
            yield return Create(id, title, text, heading, year, attachment);
        }

        foreach (var letter in item.Letters)
        {
            yield return Create($"{id}.{letter.Marker}", title, letter.Text, heading, year, attachment);
        }

        for (var i = 0; i < item.Dashes.Count; i++)
        {
            yield return Create($"{id}.{i + 1}", title, item.Dashes[i], heading, year, attachment);
        }
    }

    /// <summary>A task longer than this is not a task: the text is cut so one hostile document cannot bloat the registry.</summary>
    public const int MaxTaskText = 20_000;

    private BuiltTask Create(string id, string sectionTitle, string text, Heading heading, int? year, bool attachment, string? roleText = null)
    {
        text = text.Length <= MaxTaskText ? text : text[..MaxTaskText] + "…";
        sectionTitle = sectionTitle.Length <= 500 ? sectionTitle : sectionTitle[..500] + "…";
        var assignments = new List<Assignment>();
        var found = roles.Read(roleText ?? text);
        foreach (var agency in heading.Agencies)
        {
            assignments.Add(new Assignment(agency, found.Role, AssignmentSource.Heading, heading.Requested));
        }

        if (heading.Agencies.Count > 0)
        {
            foreach (var (agency, role) in found.Named.Where(n => !heading.Agencies.Contains(n.Agency)))
            {
                assignments.Add(new Assignment(agency, role, AssignmentSource.Named));
            }
        }

        var block = BlockAssignments(text);
        if (block.Count > 0)
        {
            assignments = block;
        }

        var (due, dueText) = TaskDue(text, year);
        var focal = found.MakesFocal ? heading.Agencies : [];
        var task = new PlanTask(id, sectionTitle, text, due, dueText, assignments, attachment && assignments.Count == 0);
        return new BuiltTask(task, focal, heading.Unknown);
    }

    /// <summary>"Cơ quan chủ trì: X; Cơ quan phối hợp: Y, Z" inside a task.</summary>
    private List<Assignment> BlockAssignments(string text)
    {
        var assignments = new List<Assignment>();
        foreach (Match m in RoleBlock().Matches(text))
        {
            var role = VietnameseText.Fold(m.Groups[1].Value).Contains("chu tri", StringComparison.Ordinal) ? Role.Lead : Role.Support;
            foreach (var name in AgencyCell.Split(m.Groups[2].Value, agencyLists))
            {
                assignments.Add(new Assignment(name, role, AssignmentSource.Block));
            }
        }

        return assignments;
    }

    private Heading LeadingAgencies(string text)
    {
        var list = agencyLists.Read(text);
        return list.IsLeadingSentence ? new Heading(list.Names, list.Requested, list.Unknown) : Heading.None;
    }

    public static (DateOnly? Due, string? Text) TaskDue(string text, int? year)
    {
        ArgumentNullException.ThrowIfNull(text);
        var block = DueBlock().Match(text);
        if (block.Success)
        {
            var value = block.Groups[1].Value.Trim();
            return (DateReader.ReadFirst(value, year), value);
        }

        foreach (var clause in ReportingReader.Clauses(text))
        {
            var folded = VietnameseText.Fold(clause);
            if (folded.Contains("bao cao", StringComparison.Ordinal))
            {
                continue;
            }

            if (folded.Contains("truoc ngay", StringComparison.Ordinal) || folded.Contains("trong thang", StringComparison.Ordinal))
            {
                var date = DateReader.ReadFirst(clause, year);
                if (date is not null)
                {
                    var at = folded.Contains("truoc ngay", StringComparison.Ordinal) ? "trước ngày" : "trong tháng";
                    var index = clause.IndexOf(at, StringComparison.OrdinalIgnoreCase);
                    return (date, index >= 0 ? clause[index..] : clause);
                }
            }
        }

        return VietnameseText.Fold(text).Contains("thuong xuyen", StringComparison.Ordinal) ? (null, "Thường xuyên") : (null, null);
    }

    private static bool IsTaskSection(SectionNode section)
    {
        var folded = VietnameseText.Fold(section.Title);
        string[] notTasks = ["muc dich", "yeu cau", "quan diem", "muc tieu", "kinh phi", "can cu", "ket qua dat duoc", "tinh hinh"];
        return !notTasks.Any(word => folded.Contains(word, StringComparison.Ordinal))
            || folded.Contains("nhiem vu", StringComparison.Ordinal);
    }

    private static bool MentionsAttachment(SectionNode section)
    {
        var folded = VietnameseText.Fold(string.Join(' ', section.Paragraphs.Append(section.Title)));
        return folded.Contains("kem theo", StringComparison.Ordinal) && (folded.Contains("bieu", StringComparison.Ordinal) || folded.Contains("phu luc", StringComparison.Ordinal) || folded.Contains("bang", StringComparison.Ordinal));
    }

    private static List<BuiltTask> Deduplicate(List<BuiltTask> tasks)
    {
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        return tasks.Select(built =>
        {
            var id = built.Task.Id;
            if (seen.TryGetValue(id, out var count))
            {
                seen[id] = count + 1;
                return built with { Task = built.Task with { Id = $"{id}#{count + 1}" } };
            }

            seen[id] = 1;
            return built;
        }).ToList();
    }

    [GeneratedRegex(@"(Cơ quan chủ trì|Đơn vị chủ trì|Chủ trì|Cơ quan phối hợp|Đơn vị phối hợp|Phối hợp)\s*:\s*([^:\n]+?)(?=(?:[.;]\s*)?(?:Cơ quan|Đơn vị|Chủ trì|Phối hợp|Thời gian|Kết quả|Sản phẩm)\b|$)", RegexOptions.IgnoreCase)]
    private static partial Regex RoleBlock();

    [GeneratedRegex(@"Thời (?:gian|hạn)(?: thực hiện| hoàn thành| hoàn tất)?\s*:\s*([^;\n]+)", RegexOptions.IgnoreCase)]
    private static partial Regex DueBlock();

    private sealed record Heading(IReadOnlyList<string> Agencies, bool Requested, IReadOnlyList<string> Unknown)
    {
        public static Heading None { get; } = new([], false, []);
    }
}

/// <summary>A task and what building it learned: agencies that make themselves focal, agencies to review.</summary>
public sealed record BuiltTask(PlanTask Task, IReadOnlyList<string> FocalAgencies, IReadOnlyList<string> UnknownAgencies);
