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
            var kind = TaskSections.KindOf(section);
            if (kind == SectionKind.NotTasks)
            {
                continue;
            }

            var context = new Context(section.Text, year, TaskSections.MentionsAttachment(section), kind == SectionKind.AssignedOnly);
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

        return TaskSections.Deduplicate(tasks);
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
        var (due, dueText) = dueField is not null ? (DateReader.ReadDeadline(dueField.Value, context.Year), dueField.Value) : TaskDueReader.Read(text, context.Year);
        var focal = found.MakesFocal ? owners.Agencies : [];
        var unknown = owners.Unknown.Concat(assignments.Where(a => a.Source is AssignmentSource.Block or AssignmentSource.Named && registry.FindExact(a.Agency) is null).Select(a => a.Agency)).Distinct().ToList();
        var task = new PlanTask(id, sectionTitle, text, due, dueText, assignments.DistinctBy(a => (a.Agency, a.Role)).ToList(), context.Attachment && assignments.Count == 0);
        return new BuiltTask(task, focal, unknown);
    }

    private sealed record Context(string Title, int? Year, bool Attachment, bool AssignedOnly);
}

/// <summary>A task and what building it learned: agencies that make themselves focal, agencies to review.</summary>
public sealed record BuiltTask(PlanTask Task, IReadOnlyList<string> FocalAgencies, IReadOnlyList<string> UnknownAgencies);
