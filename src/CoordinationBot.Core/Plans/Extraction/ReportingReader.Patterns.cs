namespace CoordinationBot.Core.Plans.Extraction;

/// <summary>The days a reporting rule's words give.</summary>
public sealed partial class ReportingReader
{
    [System.Text.RegularExpressions.GeneratedRegex(@"truoc ngay (\d{1,2}) (?:cua )?thang cuoi (?:moi )?quy")]
    private static partial System.Text.RegularExpressions.Regex QuarterEndDay();

    [System.Text.RegularExpressions.GeneratedRegex(@"truoc ngay (\d{1,2})(?![\d/])(?! thang)")]
    private static partial System.Text.RegularExpressions.Regex MonthlyDay();

    // "báo cáo năm", "báo cáo tổng kết năm", "6 tháng (trước ngày 10/6) và năm" (not "báo cáo năm 2026", about one year).
    [System.Text.RegularExpressions.GeneratedRegex(@"bao cao (?:tong ket |ket qua )?nam(?! \d)|6 thang\b.{0,60}\bva (?:ca )?nam(?! \d)")]
    private static partial System.Text.RegularExpressions.Regex AnnualReport();
}
