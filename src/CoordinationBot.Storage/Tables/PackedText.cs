using System.IO.Compression;
using System.Text;

namespace CoordinationBot.Storage.Tables;

/// <summary>
/// A JSON text kept in one string property, whose limit is 32,768 characters: longer texts (a plan's facts with many
/// agencies to review, a task of several pages — Vietnamese letters are escaped as \uXXXX) are stored gzip-compressed
/// in base64 behind a marker no JSON text starts with.
/// </summary>
public static class PackedText
{
    private const string Marker = "gz:";
    private const int Plain = 30_000;

    public static string Pack(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length <= Plain)
        {
            return text;
        }

        using var buffer = new MemoryStream();
        using (var zip = new GZipStream(buffer, CompressionLevel.Optimal, leaveOpen: true))
        {
            zip.Write(Encoding.UTF8.GetBytes(text));
        }

        return Marker + Convert.ToBase64String(buffer.ToArray());
    }

    public static string Unpack(string stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        if (!stored.StartsWith(Marker, StringComparison.Ordinal))
        {
            return stored;
        }

        using var zip = new GZipStream(new MemoryStream(Convert.FromBase64String(stored[Marker.Length..])), CompressionMode.Decompress);
        using var reader = new StreamReader(zip, Encoding.UTF8);
        return reader.ReadToEnd();
    }
}
