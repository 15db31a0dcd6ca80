using System.Globalization;

namespace CoordinationBot.Core.Text;

/// <summary>Dates and times as Vietnamese documents and officers write them: 05/03/2026, 14:30 05/03/2026 (Vietnam time).</summary>
public static class VietnameseDates
{
    public const string DayFormat = "dd/MM/yyyy";

    public static string ToVietnameseDate(this DateOnly date) => date.ToString(DayFormat, CultureInfo.InvariantCulture);

    /// <summary>The day of the moment in Vietnam time.</summary>
    public static string ToVietnameseDate(this DateTimeOffset at) => DateOnly.FromDateTime(at.ToOffset(VietnamTime.Offset).DateTime).ToVietnameseDate();

    /// <summary>The moment in Vietnam time, hour first ("14:30 05/03/2026").</summary>
    public static string ToVietnameseTime(this DateTimeOffset at) =>
        at.ToOffset(VietnamTime.Offset).ToString("HH:mm " + DayFormat, CultureInfo.InvariantCulture);
}
