using System.Globalization;
using System.Text;

namespace CoordinationBot.Storage.Tables;

/// <summary>
/// PartitionKey/RowKey rules: <c>/ \ # ?</c> and control characters are not allowed, at most 1 KiB.
/// <see cref="Encode"/> turns any text into a valid key reversibly (<c>%XX</c>, with <c>%</c> itself escaped).
/// </summary>
public static class TableKey
{
    public const int MaxLength = 512;

    public static bool IsForbidden(char c) => c is '/' or '\\' or '#' or '?' || char.IsControl(c);

    public static string Encode(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var builder = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            if (c == '%' || IsForbidden(c))
            {
                builder.Append('%').Append(((int)c).ToString("X2", CultureInfo.InvariantCulture));
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    /// <summary>
    /// The row of an append-only entry of <paramref name="owner"/>: "owner~ticks-random", in time order within the owner
    /// (what <see cref="RowsOf"/> reads); two entries at the same instant both stay.
    /// </summary>
    public static string TimedRow(string owner, DateTimeOffset at) =>
        Encode(owner) + "~" + at.UtcTicks.ToString("D19", System.Globalization.CultureInfo.InvariantCulture) + "-" + Guid.NewGuid().ToString("N")[..8];

    /// <summary>The filter for the rows of one partition whose (encoded) key starts with <paramref name="owner"/> and "~".</summary>
    public static string RowsOf(string partition, string owner)
    {
        var prefix = Encode(owner) + "~";
        return Azure.Data.Tables.TableClient.CreateQueryFilter($"PartitionKey eq {Encode(partition)} and RowKey ge {prefix} and RowKey lt {prefix + "\uffff"}");
    }

    public static string Decode(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var builder = new StringBuilder(key.Length);
        for (var i = 0; i < key.Length; i++)
        {
            if (key[i] == '%' && i + 2 < key.Length && int.TryParse(key.AsSpan(i + 1, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var code))
            {
                builder.Append((char)code);
                i += 2;
            }
            else
            {
                builder.Append(key[i]);
            }
        }

        return builder.ToString();
    }

    /// <summary>Throws when the key would be refused by the service, so the mistake is found here and not in Azure.</summary>
    public static void Validate(string key, string parameterName)
    {
        ArgumentNullException.ThrowIfNull(key, parameterName);
        if (key.Length > MaxLength)
        {
            throw new ArgumentException($"A table key holds at most {MaxLength} characters.", parameterName);
        }

        if (key.Any(IsForbidden))
        {
            throw new ArgumentException("A table key cannot contain / \\ # ? or control characters: use TableKey.Encode.", parameterName);
        }
    }
}
