using CoordinationBot.Core.Text;

namespace CoordinationBot.Core.Plans.Extraction;

/// <summary>
/// The plan's body as a tree of items. Nesting comes from the numbering styles in the order the document uses them
/// (I. → 1. → 1.1. → a) → - → +, or any other order): an item whose style is already open is a sibling of that one,
/// a new style opens a level. Labelled lines ("- Cơ quan chủ trì: …") are fields of the items they follow; an
/// appendix ("PHỤ LỤC") is a section of its own, "PL".
/// </summary>
public sealed class PlanOutline
{
    public OutlineNode Root { get; } = new(BlockKind.Paragraph, string.Empty, string.Empty);

    /// <summary>Paragraphs after the last task ("Trên đây là …"): they often carry the reporting rule.</summary>
    public List<string> Closing { get; } = [];

    public IEnumerable<OutlineNode> Sections => Root.Children;

    public static PlanOutline Build(IEnumerable<Block> body)
    {
        ArgumentNullException.ThrowIfNull(body);
        var outline = new PlanOutline();
        var stack = new List<OutlineNode> { outline.Root };
        var closing = false;
        List<OutlineNode>? fieldGroup = null;
        PlanField? openField = null;
        string? openFieldMarker = null;
        foreach (var block in body)
        {
            if (block.Kind == BlockKind.TableRow && block.Marker == "---")
            {
                continue;
            }

            var folded = block.Kind == BlockKind.Paragraph ? VietnameseText.Fold(block.Text) : string.Empty;
            if (block.Kind == BlockKind.Paragraph && IsAppendix(block.Text, folded))
            {
                closing = false;
                OpenSection(outline, stack, new OutlineNode(BlockKind.Section, "PL", block.Text));
                fieldGroup = null;
                continue;
            }

            if (closing || (block.Kind == BlockKind.Paragraph && (folded.StartsWith("tren day la", StringComparison.Ordinal) || folded.StartsWith("noi nhan", StringComparison.Ordinal))))
            {
                closing = true;
                outline.Closing.Add(block.Text);
                continue;
            }

            if (block.Kind == BlockKind.TableRow)
            {
                var section = stack.Count > 1 ? stack[1] : outline.Root;
                section.Rows.Add(block.Cells);
                continue;
            }

            var fields = block.Kind is BlockKind.Dash or BlockKind.Paragraph ? PlanField.ReadAll(block.Text) : [];
            var field = fields.Count > 0 ? fields[^1] : null;
            if (openField is not null && field is null && block.Kind == BlockKind.Dash && block.Marker != openFieldMarker)
            {
                // "- Thời gian thực hiện:" followed by "+ … trước ngày 15 tháng 12 năm 2025."
                openField = openField with { Value = (openField.Value + " " + block.Text).Trim() };
                foreach (var node in fieldGroup!)
                {
                    node.ReplaceLastField(openField);
                }

                continue;
            }

            if (field is not null)
            {
                var top = stack[^1];
                if (fieldGroup is null)
                {
                    fieldGroup = block.Kind == BlockKind.Paragraph || OutlineNode.StyleOf(block.Kind, block.Marker) == top.Style ? GroupEndingWith(top) : [top];
                }

                foreach (var node in fieldGroup)
                {
                    node.Fields.AddRange(fields);
                }

                openField = field.Value.Length == 0 ? field : null;
                openFieldMarker = block.Marker;
                continue;
            }

            fieldGroup = null;
            openField = null;
            switch (block.Kind)
            {
                case BlockKind.Section or BlockKind.Article:
                    OpenSection(outline, stack, new OutlineNode(block.Kind, block.Marker, block.Text));
                    break;
                case BlockKind.Numbered or BlockKind.Lettered or BlockKind.Dash:
                    var node = new OutlineNode(block.Kind, block.Marker, block.Text);
                    var same = stack.FindLastIndex(open => open.Style == node.Style);
                    if (same > 0)
                    {
                        stack.RemoveRange(same, stack.Count - same);
                    }

                    stack.Add(stack[^1].Add(node));
                    break;
                default:
                    stack[^1].Paragraphs.Add(block.Text);
                    break;
            }
        }

        return outline;
    }

    /// <summary>A section closes every open item: it is the only item open under the root.</summary>
    private static void OpenSection(PlanOutline outline, List<OutlineNode> stack, OutlineNode section)
    {
        stack.RemoveRange(1, stack.Count - 1);
        stack.Add(outline.Root.Add(section));
    }

    /// <summary>The item and its earlier siblings of the same style back to the last one that has fields: one label block serves them all.</summary>
    private static List<OutlineNode> GroupEndingWith(OutlineNode top)
    {
        if (top.Parent is null || top.Kind is BlockKind.Section or BlockKind.Article)
        {
            return [top];
        }

        var siblings = top.Parent.Children;
        var group = new List<OutlineNode>();
        for (var i = siblings.IndexOf(top); i >= 0; i--)
        {
            var sibling = siblings[i];
            if (sibling.Style != top.Style || (sibling != top && sibling.Fields.Count > 0))
            {
                break;
            }

            group.Insert(0, sibling);
        }

        return group;
    }

    private static bool IsAppendix(string text, string folded) =>
        folded.StartsWith("phu luc", StringComparison.Ordinal) && text.Length <= 40 && text.Where(char.IsLetter).Take(6).All(char.IsUpper);
}
