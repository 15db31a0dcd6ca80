using System.Globalization;

namespace CoordinationBot.Storage.Tables;

/// <summary>
/// OData filters built with escaping: every interpolated value becomes a literal, never filter syntax.
/// <c>TableFilter.Create($"PartitionKey eq {tenant} and Status ne {status}")</c>.
/// </summary>
public static class TableFilter
{
    public static string Create(FormattableString filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var arguments = filter.GetArguments().Select(Literal).ToArray<object?>();
        return string.Format(CultureInfo.InvariantCulture, filter.Format, arguments);
    }

    public static string Literal(object? value) => value switch
    {
        null => throw new ArgumentException("A filter value cannot be null."),
        string text => "'" + text.Replace("'", "''", StringComparison.Ordinal) + "'",
        bool flag => flag ? "true" : "false",
        int number => number.ToString(CultureInfo.InvariantCulture),
        long number => number.ToString(CultureInfo.InvariantCulture) + "L",
        double number => number.ToString("R", CultureInfo.InvariantCulture),
        Guid guid => $"guid'{guid:D}'",
        DateTimeOffset time => $"datetime'{time.UtcDateTime:yyyy-MM-ddTHH:mm:ss.fffffffZ}'",
        DateTime time => $"datetime'{time.ToUniversalTime():yyyy-MM-ddTHH:mm:ss.fffffffZ}'",
        _ => throw new ArgumentException($"A filter value of type {value.GetType().Name} is not supported."),
    };
}
