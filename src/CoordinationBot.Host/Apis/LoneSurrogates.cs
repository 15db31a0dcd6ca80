namespace CoordinationBot.Host.Apis;

/// <summary>
/// JSON may escape half a UTF-16 pair ("\ud800" with no low half: JavaScript's JSON.stringify writes one for a
/// broken emoji), which .NET cannot read as a string. Each such escape becomes U+FFFD, so the activity is still read
/// and the text shows the replacement character where the broken character was.
/// </summary>
public static class LoneSurrogates
{
    public static byte[] Replace(ReadOnlySpan<byte> json)
    {
        var output = new List<byte>(json.Length);
        var i = 0;
        while (i < json.Length)
        {
            if (json[i] != '\\' || i + 1 >= json.Length)
            {
                output.Add(json[i++]);
                continue;
            }

            if (json[i + 1] != 'u' || CodeUnit(json, i) is not { } unit || !char.IsSurrogate((char)unit))
            {
                // Any other escape (including "\\"), copied whole so its second character is not read as a new escape.
                output.Add(json[i]);
                output.Add(json[i + 1]);
                i += 2;
                continue;
            }

            if (char.IsHighSurrogate((char)unit) && json.Length >= i + 12 && json[i + 6] == '\\' && json[i + 7] == 'u' && CodeUnit(json, i + 6) is { } low && char.IsLowSurrogate((char)low))
            {
                output.AddRange(json.Slice(i, 12));
                i += 12;
                continue;
            }

            output.AddRange("\\ufffd"u8);
            i += 6;
        }

        return [.. output];
    }

    /// <summary>Whether the JSON has a surrogate escape at all (the common case has none and is left as it is).</summary>
    public static bool MayContain(ReadOnlySpan<byte> json) =>
        json.IndexOf("\\ud"u8) >= 0 || json.IndexOf("\\uD"u8) >= 0;

    private static int? CodeUnit(ReadOnlySpan<byte> json, int at) =>
        at + 6 <= json.Length && int.TryParse(System.Text.Encoding.ASCII.GetString(json.Slice(at + 2, 4)), System.Globalization.NumberStyles.AllowHexSpecifier, System.Globalization.CultureInfo.InvariantCulture, out var value)
            ? value
            : null;
}
