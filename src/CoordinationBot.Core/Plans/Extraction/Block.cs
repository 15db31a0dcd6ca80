namespace CoordinationBot.Core.Plans.Extraction;

/// <summary>One logical paragraph of a plan, rebuilt from its broken lines, with the numbering it starts with.</summary>
public sealed record Block(BlockKind Kind, string Marker, string Text)
{
    /// <summary>Cells of a table row (pipe table in text, or a Word table row).</summary>
    public IReadOnlyList<string> Cells { get; init; } = [];
}

public enum BlockKind
{
    /// <summary>"IV. TỔ CHỨC THỰC HIỆN".</summary>
    Section,

    /// <summary>"Điều 2." of a decision.</summary>
    Article,

    /// <summary>"3. Sở Ngoại vụ", "2.1.3. …".</summary>
    Numbered,

    /// <summary>"a) …", "đ) …".</summary>
    Lettered,

    /// <summary>"- …", "+ …".</summary>
    Dash,

    Paragraph,

    TableRow,
}
