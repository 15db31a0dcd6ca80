using System.Globalization;
using System.Resources;
using CoordinationBot.Core.StatusReports;
using CoordinationBot.Core.Text;

namespace CoordinationBot.Documents.Reports;

/// <summary>The Vietnamese words of the generated report documents, kept in resources.</summary>
internal static class ReportText
{
    private static readonly ResourceStrings Strings = new(new ResourceManager("CoordinationBot.Documents.Reports.ReportStrings", typeof(ReportText).Assembly));
    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    public static string Get(string name) => Strings.Find(name, Vietnamese) ?? throw new InvalidOperationException($"Missing report string {name}.");

    public static string Format(string name, params object[] values) => string.Format(Vietnamese, Get(name), values);

    public static string Status(ProgressStatus? status) => status is { } s ? Get("Status_" + s) : Get("NotReported");

    public static string Period(ReportingPeriod period) => Format("Period_" + period.Kind, period.Year);

    public static string Kind(string kind) => Strings.Find("Kind_" + kind, Vietnamese) ?? kind;
}
