using System.Text.RegularExpressions;
using CoordinationBot.Core.Text;

namespace CoordinationBot.Core.Plans.Extraction;

/// <summary>
/// A task's due date from its own words: a "Thời gian thực hiện: …" field, a "trước ngày …" or "trong tháng …" clause
/// that is not about reporting, a period ("hoàn thành trong Quý II/2026": its last day), or "thường xuyên".
/// </summary>
public static partial class TaskDueReader
{
    public static (DateOnly? Due, string? Text) Read(string text, int? year)
    {
        ArgumentNullException.ThrowIfNull(text);
        var block = DueBlock().Match(text);
        if (block.Success)
        {
            var value = block.Groups[1].Value.Trim();
            return (DateReader.ReadDeadline(value, year), value);
        }

        foreach (var clause in ReportingReader.Clauses(text))
        {
            var folded = VietnameseText.Fold(clause);
            if (folded.Contains("bao cao", StringComparison.Ordinal))
            {
                continue;
            }

            if (folded.Contains("truoc ngay", StringComparison.Ordinal) || folded.Contains("trong thang", StringComparison.Ordinal))
            {
                var date = DateReader.ReadFirst(clause, year);
                if (date is not null)
                {
                    var at = folded.Contains("truoc ngay", StringComparison.Ordinal) ? "trước ngày" : "trong tháng";
                    var index = clause.IndexOf(at, StringComparison.OrdinalIgnoreCase);
                    return (date, index >= 0 ? clause[index..] : clause);
                }
            }
        }

        // "hoàn thành trong Quý II/2026", "trước 6 tháng đầu năm", "hoàn thành trong năm 2027": a period's last day.
        if (PeriodDue().Match(text) is { Success: true } period && DateReader.ReadDeadline(period.Value, year) is { } end)
        {
            return (end, period.Value.Trim());
        }

        return VietnameseText.Fold(text).Contains("thuong xuyen", StringComparison.Ordinal) ? (null, "Thường xuyên") : (null, null);
    }

    [GeneratedRegex(@"Thời (?:gian|hạn)(?: thực hiện| hoàn thành| hoàn tất)?\s*:\s*([^;\n]+)", RegexOptions.IgnoreCase)]
    private static partial Regex DueBlock();

    [GeneratedRegex(@"(?<!\p{L})(?:trong|trước|vào|cuối)\s+(?:(?:quý|quí)\s+(?:IV|III|II|I|[1-4])(?![\p{L}\d])(?:\s*(?:/|năm)\s*\d{4})?|6\s+tháng\s+(?:đầu|cuối)\s+năm(?:\s+\d{4})?)|(?<=hoàn thành\s+(?:trong\s+)?)năm\s+\d{4}", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 200)]
    private static partial Regex PeriodDue();
}
