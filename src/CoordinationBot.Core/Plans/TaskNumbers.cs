using System.Text.RegularExpressions;

namespace CoordinationBot.Core.Plans;

/// <summary>A task's number as plans write it, found in what an officer typed ("sửa nhiệm vụ III.2.a kế hoạch …", "minh chứng PL.II.3 …").</summary>
public static partial class TaskNumbers
{
    /// <summary>The first task number in <paramref name="text"/> and the text without it (the plan's words); null when there is none.</summary>
    public static (string Id, string Others)? Find(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var match = Number().Match(text);
        return match.Success ? (match.Groups[1].Value, text.Remove(match.Index, match.Length)) : null;
    }

    // "III.2.a", "IV.1", "2.1.3", "PL.I.1"; a lone letter is too short to tell from a word, so a numeral starts it.
    [GeneratedRegex(@"(?<![\p{L}\p{N}/.])((?:PL\.)?(?:[IVXLC]{1,6}|\d{1,3})(?:\.(?:[IVXLC]{1,6}|\d{1,3}|[a-zđ]))*)\.?(?![\p{L}\p{N}/])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 200)]
    private static partial Regex Number();
}
