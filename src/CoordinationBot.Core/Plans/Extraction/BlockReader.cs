namespace CoordinationBot.Core.Plans.Extraction;

/// <summary>
/// Rebuilds paragraphs from the hard-broken lines of an extracted plan text: a line that starts with a marker
/// (section, number such as "1." or "2.1.3.", letter, dash, table row, "Điều 1.") opens a block; any other line
/// continues the open block unless that block already ended. Where the text separates paragraphs with blank lines
/// (and breaks lines inside them), a blank line is what ends a paragraph; where every line is followed by a blank
/// line, blank lines say nothing and punctuation decides.
/// </summary>
public static partial class BlockReader
{
    public static List<Block> Read(IEnumerable<string> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var cleaned = CellTableReader.Rewrite(lines.Select(Clean).ToList());
        var blankSeparated = BlankLinesSeparateParagraphs(cleaned);
        var blocks = new List<Block>();
        Block? open = null;
        var afterBlank = false;
        var lastLineLength = 0;
        foreach (var line in cleaned)
        {
            if (line.Length == 0)
            {
                afterBlank = true;
                continue;
            }

            if (PageNumber().IsMatch(line) || Rule().IsMatch(line))
            {
                continue;
            }

            var started = Start(line);
            if (started is not null && open is not null && blankSeparated && !afterBlank && !EndsClause(open.Text) && lastLineLength >= 50 && open.Kind is not BlockKind.Section and not BlockKind.TableRow && started.Kind is BlockKind.Dash or BlockKind.Numbered)
            {
                // "Trong giai đoạn 2026\n- 2030 phấn đấu …": a broken line that only looks like a bullet.
                started = null;
            }

            lastLineLength = line.Length;
            var continues = open is not null && (blankSeparated ? !afterBlank && open.Kind != BlockKind.TableRow : Continues(open, line));
            afterBlank = false;
            if (started is null && open is not null && continues)
            {
                open = open with { Text = Join(open.Text, line) };
                blocks[^1] = open;
                continue;
            }

            open = started ?? new Block(BlockKind.Paragraph, string.Empty, line);
            blocks.Add(open);
        }

        return blocks;
    }

    private static string Clean(string raw)
    {
        var line = Text.VietnameseText.Normalize(raw);
        line = Emphasis().Replace(line, string.Empty);
        line = MarkdownHeading().Replace(line, string.Empty);
        return line.Trim();
    }

    /// <summary>True when blank lines mark paragraph ends: fewer than 70 % of text lines are followed by one.</summary>
    private static bool BlankLinesSeparateParagraphs(List<string> lines)
    {
        var text = 0;
        var followedByBlank = 0;
        var lastText = lines.FindLastIndex(l => l.Length > 0);
        for (var i = 0; i < lines.Count; i++)
        {
            if (lines[i].Length == 0 || lines[i].Contains('|', StringComparison.Ordinal))
            {
                continue;
            }

            text++;
            if (i + 1 < lines.Count && lines[i + 1].Length == 0 && i + 1 < lastText)
            {
                followedByBlank++;
            }
        }

        return followedByBlank >= 3 && followedByBlank < text * 0.7;
    }

    private static Block? Start(string line)
    {
        if (line.Count(c => c == '|') >= 2)
        {
            var cells = line.Trim().Trim('|').Split('|').Select(cell => cell.Trim()).ToList();
            if (cells.All(cell => cell.Length == 0 || Separator().IsMatch(cell)))
            {
                return new Block(BlockKind.TableRow, "---", string.Empty);
            }

            return new Block(BlockKind.TableRow, string.Empty, string.Join(" | ", cells)) { Cells = cells };
        }

        var match = ArticleMarker().Match(line);
        if (match.Success)
        {
            return new Block(BlockKind.Article, "Điều " + match.Groups[1].Value, match.Groups[2].Value.Trim());
        }

        match = SectionMarker().Match(line);
        if (match.Success && (match.Groups[2].Value.Length == 0 || char.IsUpper(match.Groups[2].Value[0])))
        {
            return new Block(BlockKind.Section, match.Groups[1].Value, match.Groups[2].Value.Trim());
        }

        match = NumberMarker().Match(line);
        if (match.Success)
        {
            return new Block(BlockKind.Numbered, match.Groups[1].Value.TrimEnd('.'), match.Groups[2].Value.Trim());
        }

        match = LetterMarker().Match(line);
        if (match.Success)
        {
            return new Block(BlockKind.Lettered, match.Groups[1].Value, match.Groups[2].Value.Trim());
        }

        match = DashMarker().Match(line);
        if (match.Success)
        {
            var marker = match.Groups[1].Value is "+" ? "+" : match.Groups[1].Value is "•" or "*" or "·" ? "•" : "-";
            return new Block(BlockKind.Dash, marker, match.Groups[2].Value.Trim());
        }

        return null;
    }

    private static bool Continues(Block open, string line)
    {
        if (open.Kind == BlockKind.TableRow)
        {
            return false;
        }

        // "Nơi nhận:" opens the closing block of every official document: it never continues the line above.
        if (Text.VietnameseText.Fold(line).StartsWith("noi nhan", StringComparison.Ordinal))
        {
            return false;
        }

        var text = open.Text.TrimEnd();
        if (text.Length == 0 || text.EndsWith('-') || text.EndsWith(','))
        {
            return true;
        }

        if (EndsSentence(text))
        {
            return false;
        }

        // A heading ("1. Mục đích") ends at its line; the next line continues it only when it starts in lower case.
        var heading = open.Kind is BlockKind.Section or BlockKind.Numbered or BlockKind.Article;
        return !heading || !char.IsUpper(line[0]);
    }

    private static bool EndsSentence(string text) => text.Length > 0 && text[^1] is '.' or ';' or ':' or '!' or '?' or '…';

    private static bool EndsClause(string text) => text.Length == 0 || EndsSentence(text.TrimEnd());

    private static string Join(string text, string line)
    {
        if (text.Length == 0)
        {
            return line;
        }

        return text.EndsWith('-') && text.Length > 1 && text[^2] != ' ' ? text + line : text + " " + line;
    }
}
