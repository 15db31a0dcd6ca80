namespace CoordinationBot.Core.Plans.Extraction;

/// <summary>The words an assignment was read from, quoted and cut short, for <c>plans extract --explain</c>.</summary>
public static class Explain
{
    private const int Length = 160;

    public static string Quote(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var line = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return "“" + (line.Length <= Length ? line : line[..Length] + "…") + "”";
    }
}
