using System.Text.RegularExpressions;

namespace CoordinationBot.Core.StatusReports;

/// <summary>
/// The version (ETag) a status card carries for each saved report, as Azure Table Storage issues it:
/// <c>W/"datetime'2026-06-01T03%3A00%3A00.1234567Z'"</c>. Anything else came from outside the bot.
/// </summary>
public static partial class ReportVersion
{
    public static bool IsIssued(string etag) => etag.Length <= 100 && Issued().IsMatch(etag);

    [GeneratedRegex(@"^W/""datetime'[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}(%3A|:)[0-9]{2}(%3A|:)[0-9]{2}(\.[0-9]{1,7})?Z'""$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex Issued();
}
