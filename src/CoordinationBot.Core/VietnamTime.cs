namespace CoordinationBot.Core;

/// <summary>Dates as the agencies live them: deadlines are days in Vietnam (UTC+7), whatever the server's zone.</summary>
public static class VietnamTime
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(7);

    public static DateOnly Today(this TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        return DateOnly.FromDateTime(time.GetUtcNow().ToOffset(Offset).DateTime);
    }
}
