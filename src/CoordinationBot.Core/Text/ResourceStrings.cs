using System.Collections.Concurrent;
using System.Globalization;
using System.Resources;

namespace CoordinationBot.Core.Text;

/// <summary>
/// Strings of a resource set, each looked up once per culture: a <see cref="ResourceManager"/> lookup takes the
/// manager's lock, and a report writes its few words in every row, a burst of card answers in every answer.
/// </summary>
public sealed class ResourceStrings(ResourceManager strings)
{
    private const int MaxKept = 10_000;
    private readonly ConcurrentDictionary<(string Culture, string Name), string?> found = new();

    /// <summary>The string, or null when the resources have none of this name.</summary>
    public string? Find(string name, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(culture);
        var key = (culture.Name, name);
        if (found.TryGetValue(key, out var known))
        {
            return known;
        }

        var value = strings.GetString(name, culture);
        if (found.Count < MaxKept)
        {
            found.TryAdd(key, value);
        }

        return value;
    }
}
