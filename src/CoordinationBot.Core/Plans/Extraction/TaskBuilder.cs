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
        foreach (var section in outline.Sections)
        {
            var kind = SectionKindOf(section);
            if (kind == SectionKind.NotTasks)
            {
                continue;
            }

            var context = new Context(section.Text, year, MentionsAttachment(section), kind == SectionKind.AssignedOnly);
            if (section.Paragraphs.Count > 0)
            {
                var text = string.Join(' ', section.Paragraphs);
                var leading = LeadingAgencies(text);
                if (leading.Agencies.Count > 0 || !context.AssignedOnly)
                {
                    tasks.Add(Create(section.Marker, text, leading, context, section.Fields, leading.Rest));
                }
            }

            foreach (var child in section.Children)
            {
                Visit(child, section.Marker, section, Heading.None, context, tasks);
            }

            tasks.AddRange(tables.Read(section, year));
        }

        return Deduplicate(tasks);
    }

    private void Visit(OutlineNode node, string parentId, OutlineNode parent, Heading inherited, Context context, List<BuiltTask> tasks)
    {
        var id = node.Kind == BlockKind.Numbered && parent.Kind == BlockKind.Numbered && node.Marker.StartsWith(parent.Marker + ".", StringComparison.Ordinal)
            ? parentId[..^parent.Marker.Length] + node.Marker
            : $"{parentId}.{node.IdPart}";
        var list = agencyLists.Read(HeadingText(node.Text));
        var heading = inherited;
        var own = new List<string>();
        if (list.IsHeading)
        {
            heading = Heading.Of(list) with { Why = "agency heading: " + Explain.Quote(node.Text) };
        }
        else
        {
            own.Add(node.Text);
            if (node.Children.Count > 0 && node.Text.TrimEnd().EndsWith(':') && LeadingHeading(node.Text) is { } leadingHeading)
            {
                // "c) Bộ Tài chính chủ trì, phối hợp với các bộ, cơ quan liên quan:" over the bullets it assigns.
                heading = leadingHeading;
                own.Clear();
            }
        }

        var paragraphs = new List<string>();
        foreach (var paragraph in node.Paragraphs)
        {
            if (paragraph.TrimEnd().EndsWith(':') && node.Children.Count > 0)
            {
                // "Ủy ban nhân dân các tỉnh, thành phố:", "Bộ Tài chính chỉ đạo Bảo hiểm xã hội Việt Nam:" before the items.
                var paragraphList = agencyLists.Read(HeadingText(paragraph));
                var paragraphHeading = paragraphList.IsHeading ? Heading.Of(paragraphList) with { Why = "agency heading: " + Explain.Quote(paragraph) } : LeadingHeading(paragraph);
                if (paragraphHeading is not null)
                {
                    heading = paragraphHeading;
                    continue;
                }
            }

            paragraphs.Add(paragraph);
        }

        var roleFields = node.Fields.Any(f => f.Kind is FieldKind.Lead or FieldKind.Support);
        var isTask = node.Children.Count == 0 || paragraphs.Count > 0 || roleFields;
        if (isTask)
        {
            var text = string.Join(' ', own.Concat(paragraphs).Concat(node.Fields.Select(f => f.Text)).Where(t => t.Length > 0));
            var mainText = string.Join(' ', own.Concat(paragraphs));
            var leading = LeadingAgencies(mainText);
            if (leading.Agencies.Count == 0 && heading.Agencies.Count == 0)
            {
                // "2. Bộ trưởng, … chịu trách nhiệm …" then "Căn cứ …, các bộ … xây dựng kế hoạch …": the agencies of a later paragraph.
                leading = paragraphs.Select(LeadingAgencies).FirstOrDefault(p => p.Agencies.Count > 0) ?? leading;
            }

            if (leading.Agencies.Count == 0 && heading.Agencies.Count == 0)
            {
                // "Vận hành hệ thống … . Trung tâm Thông tin chủ trì, phối hợp với Văn phòng Bộ thực hiện": a later sentence
                // of the item that gives it to an agency by a role word.
                leading = LaterSentences(mainText).Select(LeadingAgencies).FirstOrDefault(p => p.Agencies.Count > 0 && GivesRole(p.Rest)) ?? leading;
            }

            var owners = leading.Agencies.Count > 0 ? leading : heading;
            if (text.Length > 0 && (!context.AssignedOnly || owners.Agencies.Count > 0 || roleFields))
            {
                tasks.Add(Create(id, text, owners, context with { Title = list.IsHeading ? node.Text : context.Title }, node.Fields, leading.Rest ?? mainText));
            }
        }

        foreach (var child in node.Children)
        {
            Visit(child, id, node, heading, context, tasks);
        }
    }

    private static IEnumerable<string> LaterSentences(string text) => SentenceStart().Split(text).Skip(1);

    private static bool GivesRole(string? rest)
    {
        var folded = VietnameseText.Fold(rest ?? string.Empty);
        string[] roleWords = ["chu tri", "co trach nhiem", "chiu trach nhiem", "la co quan", "la don vi", "tham muu", "thuc hien"];
        return roleWords.Any(word => folded.StartsWith(word, StringComparison.Ordinal));
    }

    [GeneratedRegex(@"(?<=[.;])\s+(?=\p{Lu})")]
    private static partial Regex SentenceStart();

    /// <summary>A task longer than this is not a task: the text is cut so one hostile document cannot bloat the registry.</summary>
    public const int MaxTaskText = 20_000;

    private BuiltTask Create(string id, string text, Heading owners, Context context, IReadOnlyList<PlanField> fields, string? roleText = null)
    {
        text = text.Length <= MaxTaskText ? text : text[..MaxTaskText] + "…";
        var sectionTitle = context.Title.Length <= 500 ? context.Title : context.Title[..500] + "…";
        var assignments = new List<Assignment>();
        var found = roles.Read(roleText ?? text);
        foreach (var agency in owners.Agencies)
        {
            assignments.Add(new Assignment(agency, found.Role, AssignmentSource.Heading, owners.Requested, owners.Why));
        }

        if (owners.Agencies.Count > 0)
        {
            foreach (var (agency, role) in found.Named.Where(n => !owners.Agencies.Contains(n.Agency)))
            {
                assignments.Add(new Assignment(agency, role, AssignmentSource.Named, Why: "named in the task with its role word: " + Explain.Quote(roleText ?? text)));
            }
        }

        var block = FieldAssignments(fields);
        if (block.Count == 0)
        {
            block = BlockAssignments(text);
        }

        if (block.Count > 0)
        {
            if (!block.Any(a => a.Role == Role.Lead))
            {
                block.InsertRange(0, assignments.Where(a => a.Role == Role.Lead && !block.Any(b => b.Agency == a.Agency)));
            }

            assignments = block;
        }

        var dueField = fields.FirstOrDefault(f => f.Kind == FieldKind.Due);
        var (due, dueText) = dueField is not null ? (DateReader.ReadDeadline(dueField.Value, context.Year), dueField.Value) : TaskDue(text, context.Year);
        var focal = found.MakesFocal ? owners.Agencies : [];
        var unknown = owners.Unknown.Concat(assignments.Where(a => a.Source is AssignmentSource.Block or AssignmentSource.Named && registry.FindExact(a.Agency) is null).Select(a => a.Agency)).Distinct().ToList();
        var task = new PlanTask(id, sectionTitle, text, due, dueText, assignments.DistinctBy(a => (a.Agency, a.Role)).ToList(), context.Attachment && assignments.Count == 0);
        return new BuiltTask(task, focal, unknown);
    }

    /// <summary>Labelled fields of an item: "Cơ quan chủ trì: X", "Cơ quan phối hợp: Y, Z".</summary>
    private List<Assignment> FieldAssignments(IReadOnlyList<PlanField> fields) =>
        Assigned(fields.Where(f => f.Kind is FieldKind.Lead or FieldKind.Support).Select(f => (f.Kind == FieldKind.Lead ? Role.Lead : Role.Support, f.Value, f.Text)));

    /// <summary>"Cơ quan chủ trì: X; Cơ quan phối hợp: Y, Z" inside a task.</summary>
    private List<Assignment> BlockAssignments(string text) =>
        Assigned(RoleBlock().Matches(text).Select(m => (VietnameseText.Fold(m.Groups[1].Value).Contains("chu tri", StringComparison.Ordinal) ? Role.Lead : Role.Support, m.Groups[2].Value, m.Value)));

    /// <summary>The agencies of each labelled value, with the label's role.</summary>
    private List<Assignment> Assigned(IEnumerable<(Role Role, string Agencies, string Line)> labelled) =>
        [.. labelled.SelectMany(l => AgencyCell.Split(l.Agencies, agencyLists).Select(name => new Assignment(name, l.Role, AssignmentSource.Block, Why: "labelled field: " + Explain.Quote(l.Line))))];

    /// <summary>The agencies a sentence starts with ("Giao Sở Y tế chủ trì …", "Bộ trưởng Bộ Công an có trách nhiệm …") and what it says they do.</summary>
    private Heading LeadingAgencies(string text)
    {
        var stripped = PersonTitle().Replace(Introduction().Replace(text, string.Empty), string.Empty);
        stripped = IssuerRequest().Replace(stripped, "Đề nghị ");
        var list = agencyLists.Read(stripped);
        return list.IsLeadingSentence ? Heading.Of(list) with { Rest = list.Rest, Why = "named where the sentence starts: " + Explain.Quote(text) } : Heading.None;
    }

    /// <summary>A sentence ending in ':' that names who does the items under it: its agencies, and those it directs or works with.</summary>
    private Heading? LeadingHeading(string text)
    {
        var leading = LeadingAgencies(text.TrimEnd().TrimEnd(':'));
        if (leading.Agencies.Count == 0)
        {
            return null;
        }

        var directed = DirectedAgencies(leading.Rest ?? string.Empty);
        return leading with { Agencies = [.. leading.Agencies, .. directed.Where(d => !leading.Agencies.Contains(d))] };
    }

    /// <summary>"… chỉ đạo Bảo hiểm xã hội Việt Nam": the body a ministry directs does the work with it.</summary>
    private List<string> DirectedAgencies(string rest)
    {
        var match = Directs().Match(rest);
        if (!match.Success)
        {
            return [];
        }

        var list = agencyLists.Read(rest[(match.Index + match.Length)..]);
        return list.Names.Where(name => !RoleReader.IsGeneric(name)).ToList();
    }

    public static (DateOnly? Due, string? Text) TaskDue(string text, int? year)
    {
        ArgumentNullException.ThrowIfNull(text);
        var block = DueBlock().Match(text);
        if (block.Success)
        {
            var value = block.Groups[1].Value.Trim();
            return (DateReader.ReadDeadline(value, year), value);
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

        // "hoàn thành trong Quý II/2026", "trước 6 tháng đầu năm", "hoàn thành trong năm 2027": a period's last day.
        if (PeriodDue().Match(text) is { Success: true } period && DateReader.ReadDeadline(period.Value, year) is { } end)
        {
            return (end, period.Value.Trim());
        }

        return VietnameseText.Fold(text).Contains("thuong xuyen", StringComparison.Ordinal) ? (null, "Thường xuyên") : (null, null);
    }

    /// <summary>A heading without its closing colon and a note such as "(cơ quan chủ trì)".</summary>
    private static string HeadingText(string text) => TrailingNote().Replace(text.TrimEnd(':', '.', ' '), string.Empty).TrimEnd(':', '.', ' ');

    private static SectionKind SectionKindOf(OutlineNode section)
    {
        var folded = VietnameseText.Fold(section.Text);
        if (folded.Contains("nhiem vu", StringComparison.Ordinal) || section.Marker == "PL")
        {
            return SectionKind.Tasks;
        }

        if (section.Kind == BlockKind.Article)
        {
            return folded.Contains("trach nhiem thi hanh", StringComparison.Ordinal) || folded.Contains("hieu luc", StringComparison.Ordinal) ? SectionKind.NotTasks : SectionKind.AssignedOnly;
        }

        string[] notTasks = ["muc dich", "yeu cau", "quan diem", "muc tieu", "can cu", "ket qua dat duoc", "tinh hinh", "pham vi", "doi tuong"];
        if (notTasks.Any(word => folded.Contains(word, StringComparison.Ordinal)))
        {
            return SectionKind.NotTasks;
        }

        return folded.Contains("kinh phi", StringComparison.Ordinal) ? SectionKind.AssignedOnly : SectionKind.Tasks;
    }

    private static bool MentionsAttachment(OutlineNode section)
    {
        var folded = VietnameseText.Fold(string.Join(' ', section.Paragraphs.Append(section.Text)));
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

    [GeneratedRegex(@"(?<!\p{L})(?:trong|trước|vào|cuối)\s+(?:(?:quý|quí)\s+(?:IV|III|II|I|[1-4])(?![\p{L}\d])(?:\s*(?:/|năm)\s*\d{4})?|6\s+tháng\s+(?:đầu|cuối)\s+năm(?:\s+\d{4})?)|(?<=hoàn thành\s+(?:trong\s+)?)năm\s+\d{4}", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 200)]
    private static partial Regex PeriodDue();

    [GeneratedRegex(@"^(?:Giao|Bộ trưởng|Giám đốc|Chủ tịch|Thủ trưởng|Chánh Văn phòng|Người đứng đầu|Tổng Giám đốc|Thống đốc|Tổng Kiểm toán)\s+(?=\p{Lu})", RegexOptions.None)]
    private static partial Regex PersonTitle();

    [GeneratedRegex(@"^(?:Căn cứ|Trên cơ sở|Đối với|Để|Nhằm|Trong quá trình|Trong thời gian|Sau khi)\b[^,;:]{0,200},\s*(?=(?:các|Các|\p{Lu}))")]
    private static partial Regex Introduction();

    [GeneratedRegex(@"^(?:Chính phủ|Thủ tướng Chính phủ|(?:Ủy|Uỷ) ban nhân dân [^,;:]{0,40}?|UBND [^,;:]{0,40}?)\s+(?:trân trọng\s+)?đề nghị\s+")]
    private static partial Regex IssuerRequest();

    [GeneratedRegex(@"^(?:chủ trì,?\s+)?(?:chỉ đạo|giao)\s+", RegexOptions.IgnoreCase)]
    private static partial Regex Directs();

    [GeneratedRegex(@"\s*\([^()]{1,60}\)$")]
    private static partial Regex TrailingNote();

    private sealed record Heading(IReadOnlyList<string> Agencies, bool Requested, IReadOnlyList<string> Unknown)
    {
        public static Heading None { get; } = new([], false, []);

        public string? Rest { get; init; }

        /// <summary>The rule and the words that named these agencies, for the explanation of each assignment.</summary>
        public string? Why { get; init; }

        public static Heading Of(AgencyList list) => new(list.Names, list.Requested, list.Unknown);
    }

    private sealed record Context(string Title, int? Year, bool Attachment, bool AssignedOnly);

    private enum SectionKind
    {
        Tasks,

        /// <summary>"Kinh phí", an article of a decision: only items that name who does them are tasks.</summary>
        AssignedOnly,
        NotTasks,
    }
}

/// <summary>A task and what building it learned: agencies that make themselves focal, agencies to review.</summary>
public sealed record BuiltTask(PlanTask Task, IReadOnlyList<string> FocalAgencies, IReadOnlyList<string> UnknownAgencies);
