using System.Globalization;
using System.Text.RegularExpressions;

namespace CoordinationBot.Core.Plans.Extraction;

/// <summary>
/// Dates as plans write them: "ngày 15 tháng 05 và ngày 01 tháng 12 năm 2023" (the year at the end applies to
/// both), "28/2/2023", "ngày 20/11" (no year), "trong tháng 03/2026" (end of that month), "6/2025".
/// </summary>
public static partial class DateReader
{
    /// <param name="text">The text.</param>
    /// <param name="defaultYear">The year of a date written without one.</param>
    /// <param name="onOrAfter">For a yearly date written without a year: its first occurrence from this day on, instead of <paramref name="defaultYear"/>.</param>
    public static List<DateOnly> ReadAll(string text, int? defaultYear, DateOnly? onOrAfter = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        var found = new List<(int Index, int Day, int Month, int? Year)>();
        foreach (Match m in WordyDate().Matches(text))
        {
            found.Add((m.Index, Int(m.Groups[1]), Int(m.Groups[2]), m.Groups[3].Success ? Int(m.Groups[3]) : null));
        }

        foreach (Match m in SlashDate().Matches(text))
        {
            found.Add((m.Index, Int(m.Groups[1]), Int(m.Groups[2]), Int(m.Groups[3])));
        }

        foreach (Match m in DayMonth().Matches(text))
        {
            found.Add((m.Index, Int(m.Groups[1]), Int(m.Groups[2]), null));
        }

        foreach (Match m in MonthOnly().Matches(text))
        {
            var month = Int(m.Groups[1]);
            var year = Int(m.Groups[2]);
            if (month is >= 1 and <= 12)
            {
                found.Add((m.Index, DateTime.DaysInMonth(year, month), month, year));
            }
        }

        found.Sort((a, b) => a.Index.CompareTo(b.Index));
        var dates = new List<DateOnly>();
        for (var i = 0; i < found.Count; i++)
        {
            var (_, day, month, year) = found[i];
            var written = year ?? found.Skip(i + 1).FirstOrDefault(f => f.Year is not null).Year;
            year = written ?? (onOrAfter is { } from && month is >= 1 and <= 12 && day >= 1 ? FirstFrom(from, month, day) : defaultYear);
            if (year is { } y && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(y, month))
            {
                dates.Add(new DateOnly(y, month, day));
            }
        }

        return dates.Distinct().ToList();
    }

    private static int FirstFrom(DateOnly from, int month, int day) =>
        day <= DateTime.DaysInMonth(from.Year, month) && new DateOnly(from.Year, month, day) >= from ? from.Year : from.Year + 1;

    public static DateOnly? ReadFirst(string text, int? defaultYear) =>
        ReadAll(text, defaultYear) is [var first, ..] ? first : null;

    private static int Int(Group group) => int.Parse(group.Value, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})(?:\s+năm\s+(\d{4}))?", RegexOptions.IgnoreCase)]
    private static partial Regex WordyDate();

    [GeneratedRegex(@"(?<![\d/])(\d{1,2})/(\d{1,2})/(\d{4})(?![\d/])")]
    private static partial Regex SlashDate();

    [GeneratedRegex(@"ngày\s+(\d{1,2})/(\d{1,2})(?![\d/])", RegexOptions.IgnoreCase)]
    private static partial Regex DayMonth();

    [GeneratedRegex(@"(?<![\d/])(?:tháng\s+)(\d{1,2})/(\d{4})(?![\d/])", RegexOptions.IgnoreCase)]
    private static partial Regex MonthOnly();
}
