using System.Text.RegularExpressions;

namespace CoordinationBot.Core.Plans.Extraction;

/// <summary>The markers and noise a plan's lines are read by.</summary>
public static partial class BlockReader
{
    [GeneratedRegex(@"^Điều\s+(\d{1,3})\s*[\.:]\s*(.*)$")]
    private static partial Regex ArticleMarker();

    [GeneratedRegex(@"^([IVX]{1,5})\.\s*(.*)$")]
    private static partial Regex SectionMarker();

    [GeneratedRegex(@"^(\d{1,3}\.(?:\d{1,3}\.?){0,3})(?:\s+(\S.*)|\s*$)")]
    private static partial Regex NumberMarker();

    [GeneratedRegex(@"^([a-zđ])\)\s*(\S.*)$")]
    private static partial Regex LetterMarker();

    [GeneratedRegex(@"^([-–•+*·])\s+(\S.*)$")]
    private static partial Regex DashMarker();

    [GeneratedRegex(@"^[-–\s]*(?:Trang\s*)?\d{1,3}[-–\s]*$")]
    private static partial Regex PageNumber();

    [GeneratedRegex(@"^[-–_=*\s]{3,}$")]
    private static partial Regex Rule();

    [GeneratedRegex(@"^:?-{3,}:?$")]
    private static partial Regex Separator();

    [GeneratedRegex(@"\*\*|__")]
    private static partial Regex Emphasis();

    [GeneratedRegex(@"^#{1,6}\s+")]
    private static partial Regex MarkdownHeading();
}
