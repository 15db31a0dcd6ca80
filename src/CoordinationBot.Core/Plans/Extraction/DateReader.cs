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

    /// <summary>
    /// A deadline written in a due column or a "Thời gian:" field, where periods mean their last day: a date if there is
    /// one, else "Quý IV/2025" (31/12/2025), "6 tháng đầu năm 2026" (30/06/2026), "năm 2027" or "2027" (31/12/2027),
    /// "2026 - 2030" (31/12/2030). "Thường xuyên" and the like have none.
    /// </summary>
    public static DateOnly? ReadDeadline(string text, int? defaultYear)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (ReadFirst(text, defaultYear) is { } date)
        {
            return date;
        }

        // Folded text has no "/": "Quý II/2026" reads "quy ii 2026". A period without its year is in the plan's year.
        var folded = Text.VietnameseText.Fold(text);
        if (Quarter().Matches(folded) is { Count: > 0 } quarters && quarters[^1] is var quarter && YearOf(quarter.Groups[2], defaultYear) is { } quarterYear)
        {
            var q = quarter.Groups[1].Value switch { "i" or "1" => 1, "ii" or "2" => 2, "iii" or "3" => 3, _ => 4 };
            var end = new DateOnly(quarterYear, q * 3, 1);
            return end.AddDays(DateTime.DaysInMonth(end.Year, end.Month) - 1);
        }

        if (HalfYear().Match(folded) is { Success: true } half && YearOf(half.Groups[2], defaultYear) is { } halfYear)
        {
            return half.Groups[1].Value == "dau" ? new DateOnly(halfYear, 6, 30) : new DateOnly(halfYear, 12, 31);
        }

        var years = Years().Matches(folded).Select(m => Int(m.Groups[1])).Where(y => y is >= 2000 and <= 2100).ToList();
        return years.Count is 1 or 2 ? new DateOnly(years[^1], 12, 31) : null;
    }

    private static int Int(Group group) => int.Parse(group.Value, CultureInfo.InvariantCulture);

    private static int? YearOf(Group group, int? defaultYear) => group.Success ? Int(group) : defaultYear;

    [GeneratedRegex(@"ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})(?:\s+năm\s+(\d{4}))?", RegexOptions.IgnoreCase)]
    private static partial Regex WordyDate();

    [GeneratedRegex(@"(?<![\d/])(\d{1,2})/(\d{1,2})/(\d{4})(?![\d/])")]
    private static partial Regex SlashDate();

    [GeneratedRegex(@"\bqu[yi]\s+(iv|iii|ii|i|[1-4])\b(?:\s+(?:nam\s+)?(\d{4})\b)?")]
    private static partial Regex Quarter();

    [GeneratedRegex(@"\b6 thang (dau|cuoi) nam\b(?:\s+(\d{4})\b)?")]
    private static partial Regex HalfYear();

    [GeneratedRegex(@"(?<![\d/])(\d{4})(?![\d/])")]
    private static partial Regex Years();

    [GeneratedRegex(@"ngày\s+(\d{1,2})/(\d{1,2})(?![\d/])", RegexOptions.IgnoreCase)]
    private static partial Regex DayMonth();

    [GeneratedRegex(@"(?<![\d/])(?:tháng\s+)(\d{1,2})/(\d{4})(?![\d/])", RegexOptions.IgnoreCase)]
    private static partial Regex MonthOnly();
}
