using System.Globalization;
using System.Text.RegularExpressions;

namespace CoordinationBot.Core.Escalation;

/// <summary>"… giải trình sau 5 ngày" in the command that opens a round: the days after the due date before late agencies are asked to explain.</summary>
public static partial class ExplainAfter
{
    /// <summary>The days the text gives (null: none), and the text without those words (so they are not read as the plan's name).</summary>
    public static (int? Days, string Others) Read(string? text)
    {
        var value = text ?? string.Empty;
        var match = Phrase().Match(value);
        return match.Success && int.TryParse(match.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var days)
            ? (days, string.Join(' ', (value[..match.Index] + " " + value[(match.Index + match.Length)..]).Split(' ', StringSplitOptions.RemoveEmptyEntries)))
            : (null, value);
    }

    [GeneratedRegex(@"(?<!\p{L})gi[aả]i\s+tr[iì]nh\s+sau\s+(\d{1,4})\s+ng[aà]y(?!\p{L})", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 200)]
    private static partial Regex Phrase();
}
