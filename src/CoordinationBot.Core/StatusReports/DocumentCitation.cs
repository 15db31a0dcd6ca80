using System.Text.RegularExpressions;

namespace CoordinationBot.Core.StatusReports;

/// <summary>
/// Whether a text cites a document as Vietnamese administrative documents are numbered (Nghị định 30/2020): a number, an
/// optional year and the kind-issuer abbreviation ("123/KH-SKHCN", "45/QĐ-UBND", "12/2025/NĐ-CP", "18-CTr/TU"), with
/// an optional "ngày 05/3/2026" that must be a real date.
/// </summary>
public static partial class DocumentCitation
{
    public const int MaxLength = 300;

    public static bool IsValid(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length > MaxLength || !Number().IsMatch(text))
        {
            return false;
        }

        var date = Dated().Match(text);
        return !date.Success || DateOnly.TryParseExact(date.Groups["date"].Value, ["d/M/yyyy", "dd/MM/yyyy", "d/MM/yyyy", "dd/M/yyyy"], System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out _);
    }

    [GeneratedRegex(@"(?<![\p{L}\d])\d{1,6}(/\d{4})?[/-]\p{Lu}[\p{L}\d]*([-/]\p{Lu}[\p{L}\d]*)*(?![\p{L}\d])", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex Number();

    [GeneratedRegex(@"ng[àa]y\s+(?<date>\d{1,2}/\d{1,2}/\d{4})", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, matchTimeoutMilliseconds: 100)]
    private static partial Regex Dated();
}
