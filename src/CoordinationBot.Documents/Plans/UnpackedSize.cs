using System.IO.Compression;

namespace CoordinationBot.Documents.Plans;

/// <summary>
/// How much a file unpacks to, measured by unpacking (declared sizes can lie) and stopping at the limit, before any
/// parser sees it: a 255 KiB .docx holding 256 MB of XML, or a PDF of deflated streams, is refused at the cap.
/// </summary>
public static class UnpackedSize
{
    public const long MaxBytes = 64L * 1024 * 1024;
    public const int MaxZipEntries = 2000;

    /// <summary>Whether every entry of the zip (Word, Excel) unpacks to <paramref name="cap"/> bytes in all, in few enough entries.</summary>
    public static bool ZipWithin(byte[] content, long cap = MaxBytes)
    {
        ArgumentNullException.ThrowIfNull(content);
        using var archive = new ZipArchive(new MemoryStream(content, writable: false), ZipArchiveMode.Read);
        if (archive.Entries.Count > MaxZipEntries)
        {
            return false;
        }

        var left = cap;
        foreach (var entry in archive.Entries)
        {
            using var stream = entry.Open();
            left -= Drain(stream, left + 1);
            if (left < 0)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Whether the PDF's deflated streams unpack to <paramref name="cap"/> bytes in all.</summary>
    public static bool PdfWithin(byte[] content, long cap = MaxBytes)
    {
        ArgumentNullException.ThrowIfNull(content);
        var left = cap;
        var span = content.AsSpan();
        var at = 0;
        while (at < span.Length)
        {
            var start = span[at..].IndexOf("stream"u8);
            if (start < 0)
            {
                break;
            }

            start += at + "stream".Length;
            if (start < span.Length && span[start] == '\r')
            {
                start++;
            }

            if (start < span.Length && span[start] == '\n')
            {
                start++;
            }
            else
            {
                // "endstream", or "stream" inside some other word: not a stream's start.
                at = start;
                continue;
            }

            var length = span[start..].IndexOf("endstream"u8);
            if (length < 0)
            {
                break;
            }

            left -= Inflated(content, start, length, left + 1);
            if (left < 0)
            {
                return false;
            }

            at = start + length + "endstream".Length;
        }

        return true;
    }

    /// <summary>The bytes a zlib stream unpacks to, up to <paramref name="limit"/>; 0 when it is not one (another filter).</summary>
    private static long Inflated(byte[] content, int start, int length, long limit)
    {
        try
        {
            using var zlib = new ZLibStream(new MemoryStream(content, start, length, writable: false), CompressionMode.Decompress);
            return Drain(zlib, limit);
        }
        catch (InvalidDataException)
        {
            return 0;
        }
    }

    private static long Drain(Stream stream, long limit)
    {
        var buffer = new byte[81920];
        long total = 0;
        int read;
        while (total < limit && (read = stream.Read(buffer, 0, (int)Math.Min(buffer.Length, limit - total))) > 0)
        {
            total += read;
        }

        return total;
    }
}
