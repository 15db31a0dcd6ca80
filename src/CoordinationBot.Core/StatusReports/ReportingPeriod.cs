using System.Globalization;
using System.Text.RegularExpressions;
using CoordinationBot.Core.Text;

namespace CoordinationBot.Core.StatusReports;

/// <summary>
/// A reporting period (Kỳ báo cáo) with its data window (Nghị định 09/2019/NĐ-CP, art. 12): six months run from 15/12 of
/// the previous year to 14/6; a year from 15/12 to 14/12; an ad-hoc report covers up to the day it is asked.
/// </summary>
public sealed partial record ReportingPeriod(PeriodKind Kind, int Year, DateOnly DataFrom, DateOnly DataTo)
{
    public string Code => Kind switch
    {
        PeriodKind.FirstHalf => $"{Year}-H1",
        PeriodKind.Year => $"{Year}-Y",
        _ => $"{Year}-A{DataTo:MMdd}",
    };

    /// <summary>The period in the words a command gives it ("6 tháng đầu năm 2026"), which <see cref="Parse"/> reads back.</summary>
    public string CommandText => Kind switch
    {
        PeriodKind.FirstHalf => $"6 tháng đầu năm {Year}",
        PeriodKind.Year => $"năm {Year}",
        _ => "đột xuất",
    };

    public static ReportingPeriod FirstHalf(int year) => new(PeriodKind.FirstHalf, year, new DateOnly(year - 1, 12, 15), new DateOnly(year, 6, 14));

    public static ReportingPeriod WholeYear(int year) => new(PeriodKind.Year, year, new DateOnly(year - 1, 12, 15), new DateOnly(year, 12, 14));

    public static ReportingPeriod AdHoc(DateOnly today) => new(PeriodKind.AdHoc, today.Year, new DateOnly(today.Year - 1, 12, 15), today);

    /// <summary>"6 tháng đầu năm 2026", "6 thang 2026", "năm 2026", "đột xuất"; the year defaults to today's.</summary>
    public static ReportingPeriod? Parse(string text, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(text);
        var folded = " " + VietnameseText.Fold(text) + " ";
        var year = Year4().Match(folded) is { Success: true } m ? int.Parse(m.Value, CultureInfo.InvariantCulture) : today.Year;
        if (folded.Contains(" dot xuat ", StringComparison.Ordinal))
        {
            return AdHoc(today);
        }

        if (folded.Contains(" 6 thang ", StringComparison.Ordinal) || folded.Contains(" sau thang ", StringComparison.Ordinal))
        {
            return FirstHalf(year);
        }

        return folded.Contains(" nam ", StringComparison.Ordinal) || folded.Contains(" ca nam ", StringComparison.Ordinal) ? WholeYear(year) : null;
    }

    [GeneratedRegex(@"(?<=\s)20\d\d(?=\s)")]
    private static partial Regex Year4();
}

public enum PeriodKind
{
    FirstHalf,
    Year,
    AdHoc,
}
