using System.Globalization;
using System.Resources;
using CoordinationBot.Core.StatusReports;

namespace CoordinationBot.Documents.Reports;

/// <summary>The Vietnamese words of the generated report documents, kept in resources.</summary>
internal static class ReportText
{
    private static readonly ResourceManager Strings = new("CoordinationBot.Documents.Reports.ReportStrings", typeof(ReportText).Assembly);
    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    // Looked up once each: a resource lookup takes the manager's lock, and a report of 100,000 rows asks for its few
    // words (roles, statuses, on-time states) in every row.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> Found = new(StringComparer.Ordinal);

    public static string Get(string name) => Found.GetOrAdd(name, static n => Strings.GetString(n, Vietnamese) ?? throw new InvalidOperationException($"Missing report string {n}."));

    public static string Format(string name, params object[] values) => string.Format(Vietnamese, Get(name), values);

    public static string Status(ProgressStatus? status) => status is { } s ? Get("Status_" + s) : Get("NotReported");

    public static string Period(ReportingPeriod period) => Format("Period_" + period.Kind, period.Year);

    public static string Kind(string kind) => Strings.GetString("Kind_" + kind, Vietnamese) ?? kind;
}
