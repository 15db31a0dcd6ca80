using System.Globalization;
using System.Resources;

namespace CoordinationBot.Host.Resources;

/// <summary>User-facing strings: Vietnamese by default, English when the client's locale is English.</summary>
public static class BotText
{
    private static readonly CoordinationBot.Core.Text.ResourceStrings Strings = new(new ResourceManager("CoordinationBot.Host.Resources.BotStrings", typeof(BotText).Assembly));
    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-US");

    /// <summary>English for an English locale, Vietnamese otherwise.</summary>
    public static CultureInfo CultureFor(string? locale) =>
        locale is not null && locale.StartsWith("en", StringComparison.OrdinalIgnoreCase) ? English : Vietnamese;

    public static string Get(string name, CultureInfo culture) =>
        Strings.Find(name, culture) ?? throw new InvalidOperationException($"Missing resource string {name}.");

    /// <summary>A round's period in words ("Quý II năm 2026").</summary>
    public static string PeriodLabel(CoordinationBot.Core.StatusReports.ReportingPeriod period, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(period);
        return string.Format(culture, Get("Period_" + period.Kind, culture), period.Year);
    }

    /// <summary>The description of a command, or null when the resources have none.</summary>
    public static string? Find(string name, CultureInfo culture) => Strings.Find(name, culture);
}
