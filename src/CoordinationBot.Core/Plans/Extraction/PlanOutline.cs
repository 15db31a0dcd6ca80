namespace CoordinationBot.Core.Plans.Extraction;

/// <summary>The plan's body as a tree: sections (I, II …) of numbered items (1, 2 …) of lettered items (a, b, đ …).</summary>
public sealed class PlanOutline
{
    public List<SectionNode> Sections { get; } = [];

    /// <summary>Paragraphs after the last task ("Trên đây là …"): they often carry the reporting rule.</summary>
    public List<string> Closing { get; } = [];

    public static PlanOutline Build(IEnumerable<Block> body)
    {
        ArgumentNullException.ThrowIfNull(body);
        var outline = new PlanOutline();
        SectionNode? section = null;
        NumberNode? number = null;
        LetterNode? letter = null;
        var closing = false;
        foreach (var block in body)
        {
            var folded = Text.VietnameseText.Fold(block.Text);
            if (closing || (block.Kind == BlockKind.Paragraph && (folded.StartsWith("tren day la", StringComparison.Ordinal) || folded.StartsWith("noi nhan", StringComparison.Ordinal))))
            {
                closing = true;
                outline.Closing.Add(block.Text);
                continue;
            }

            switch (block.Kind)
            {
                case BlockKind.Section:
                    section = new SectionNode(block.Marker, block.Text);
                    outline.Sections.Add(section);
                    number = null;
                    letter = null;
                    break;
                case BlockKind.Numbered when section is not null:
                    number = new NumberNode(block.Marker, block.Text);
                    section.Items.Add(number);
                    letter = null;
                    break;
                case BlockKind.Lettered when section is not null:
                    letter = new LetterNode(block.Marker, [block.Text]);
                    (number?.Letters ?? section.Letters).Add(letter);
                    break;
                case BlockKind.TableRow when section is not null:
                    section.Rows.Add(block.Cells);
                    break;
                case BlockKind.Dash or BlockKind.Paragraph when letter is not null:
                    letter.Texts.Add(block.Kind == BlockKind.Dash ? "- " + block.Text : block.Text);
                    break;
                case BlockKind.Dash when number is not null:
                    number.Dashes.Add(block.Text);
                    break;
                case BlockKind.Paragraph when number is not null:
                    number.Paragraphs.Add(block.Text);
                    break;
                case BlockKind.Dash or BlockKind.Paragraph when section is not null:
                    section.Paragraphs.Add(block.Text);
                    break;
                default:
                    break;
            }
        }

        return outline;
    }
}

public sealed record SectionNode(string Marker, string Title)
{
    public List<string> Paragraphs { get; } = [];

    public List<NumberNode> Items { get; } = [];

    public List<LetterNode> Letters { get; } = [];

    public List<IReadOnlyList<string>> Rows { get; } = [];
}

public sealed record NumberNode(string Marker, string Heading)
{
    public List<string> Paragraphs { get; } = [];

    public List<string> Dashes { get; } = [];

    public List<LetterNode> Letters { get; } = [];
}

public sealed record LetterNode(string Marker, List<string> Texts)
{
    public string Text => string.Join(' ', Texts);
}
