using System.Text.RegularExpressions;

namespace CoordinationBot.Core.Questions;

/// <summary>Document numbers, years and dates in a question.</summary>
public static partial class PlanFinder
{
    [GeneratedRegex(@"(?<![\w/])\d{1,5}(?:/\d{4})?[/-][a-z]{1,8}(?:[-/][a-z0-9]{1,12}){0,3}(?![\w])", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 200)]
    private static partial Regex DocumentNumber();

    [GeneratedRegex(@"(?<!\d)20\d{2}(?!\d)", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 200)]
    private static partial Regex Year();

    [GeneratedRegex(@"\d{1,2}[/.-]\d{1,2}(?:[/.-]\d{2,4})?", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 200)]
    private static partial Regex Date();
}
