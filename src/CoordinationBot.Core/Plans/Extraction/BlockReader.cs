using System.Text.RegularExpressions;

namespace CoordinationBot.Core.Plans.Extraction;

/// <summary>
/// Rebuilds paragraphs from the hard-broken lines of an extracted plan text: a line that starts with a marker
/// (section, number, letter, dash, table row) opens a block; any other line continues the open block unless that
/// block already ended (final punctuation, or a heading followed by a capitalised line).
/// </summary>
public static partial class BlockReader
{
    public static List<Block> Read(IEnumerable<string> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var blocks = new List<Block>();
        Block? open = null;
        foreach (var raw in lines)
        {
            var line = Text.VietnameseText.Normalize(raw);
            if (line.Length == 0 || PageNumber().IsMatch(line))
            {
                continue;
            }

            var started = Start(line);
            if (started is null && open is not null && Continues(open, line))
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

    private static Block? Start(string line)
    {
        if (line.Count(c => c == '|') >= 2)
        {
            var cells = line.Trim('|').Split('|').Select(cell => cell.Trim()).ToList();
            return new Block(BlockKind.TableRow, string.Empty, string.Join(" | ", cells)) { Cells = cells };
        }

        var match = SectionMarker().Match(line);
        if (match.Success && IsMostlyUpperCase(match.Groups[2].Value))
        {
            return new Block(BlockKind.Section, match.Groups[1].Value, match.Groups[2].Value.Trim());
        }

        match = NumberMarker().Match(line);
        if (match.Success)
        {
            return new Block(BlockKind.Numbered, match.Groups[1].Value, match.Groups[2].Value.Trim());
        }

        match = LetterMarker().Match(line);
        if (match.Success)
        {
            return new Block(BlockKind.Lettered, match.Groups[1].Value, match.Groups[2].Value.Trim());
        }

        match = DashMarker().Match(line);
        return match.Success ? new Block(BlockKind.Dash, "-", match.Groups[1].Value.Trim()) : null;
    }

    private static bool Continues(Block open, string line)
    {
        if (open.Kind == BlockKind.TableRow)
        {
            return false;
        }

        var text = open.Text.TrimEnd();
        if (text.EndsWith('-') || text.EndsWith(','))
        {
            return true;
        }

        if (EndsSentence(text))
        {
            return false;
        }

        // A heading ("1. Mục đích") ends at its line; the next line continues it only when it starts in lower case.
        var heading = open.Kind is BlockKind.Section or BlockKind.Numbered;
        return !heading || !char.IsUpper(line[0]);
    }

    private static bool EndsSentence(string text) => text.Length > 0 && text[^1] is '.' or ';' or ':' or '!' or '?' or '…';

    private static string Join(string text, string line) =>
        text.EndsWith('-') && text.Length > 1 && text[^2] != ' ' ? text + line : text + " " + line;

    private static bool IsMostlyUpperCase(string text)
    {
        var letters = text.Where(char.IsLetter).ToList();
        return letters.Count > 0 && letters.Count(char.IsUpper) >= letters.Count * 0.7;
    }

    [GeneratedRegex(@"^([IVX]{1,5})\.\s*(\S.*)$")]
    private static partial Regex SectionMarker();

    [GeneratedRegex(@"^(\d{1,3})\.\s+(\S.*)$")]
    private static partial Regex NumberMarker();

    [GeneratedRegex(@"^([a-zđ])\)\s*(\S.*)$")]
    private static partial Regex LetterMarker();

    [GeneratedRegex(@"^[-–•+]\s+(\S.*)$")]
    private static partial Regex DashMarker();

    [GeneratedRegex(@"^[-–\s]*\d{1,3}[-–\s]*$")]
    private static partial Regex PageNumber();
}
