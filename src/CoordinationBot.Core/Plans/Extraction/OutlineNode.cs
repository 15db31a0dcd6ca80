namespace CoordinationBot.Core.Plans.Extraction;

/// <summary>An item of the outline: its heading text, the paragraphs and fields after it, the items under it.</summary>
public sealed class OutlineNode(BlockKind kind, string marker, string text)
{
    public BlockKind Kind { get; } = kind;

    public string Marker { get; } = marker;

    public string Text { get; } = text;

    public OutlineNode? Parent { get; private set; }

    public List<OutlineNode> Children { get; } = [];

    public List<string> Paragraphs { get; } = [];

    public List<PlanField> Fields { get; } = [];

    public List<IReadOnlyList<string>> Rows { get; } = [];

    /// <summary>1-based position among the parent's items of the same style: the id of a dash bullet.</summary>
    public int Position { get; private set; }

    /// <summary>The numbering style: "I.", "Điều", "1." (and "1.1." apart), "a)", "-", "+", "•".</summary>
    public string Style => StyleOf(Kind, Marker);

    public static string StyleOf(BlockKind kind, string marker)
    {
        ArgumentNullException.ThrowIfNull(marker);
        return kind switch
        {
            BlockKind.Numbered => "N" + marker.Count(c => c == '.'),
            BlockKind.Dash => "D" + marker,
            _ => kind.ToString(),
        };
    }

    public OutlineNode Add(OutlineNode child)
    {
        ArgumentNullException.ThrowIfNull(child);
        child.Parent = this;
        child.Position = Children.Count(c => c.Style == child.Style) + 1;
        Children.Add(child);
        return child;
    }

    public void ReplaceLastField(PlanField field)
    {
        if (Fields.Count > 0)
        {
            Fields[^1] = field;
        }
    }

    /// <summary>This item's part of a task id: its number or letter, a bullet's position; "1.2" under "1" stands alone.</summary>
    public string IdPart => Kind == BlockKind.Dash ? Position.ToString(System.Globalization.CultureInfo.InvariantCulture) : Marker;
}
