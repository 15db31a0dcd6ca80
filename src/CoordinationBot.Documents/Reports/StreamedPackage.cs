using System.IO.Compression;
using DocumentFormat.OpenXml.Packaging;

namespace CoordinationBot.Documents.Reports;

/// <summary>
/// A document whose large parts are written straight into the final zip. The SDK makes the package — its parts,
/// relationships and content types — with those parts left empty; the package is then copied into a new zip in create
/// mode, where each large part is written SAX-style (<see cref="XmlParts"/>) as it goes and compressed on the way.
/// Why: the SDK's package (System.IO.Packaging over a ZipArchive in update mode) holds every part uncompressed in memory
/// until it is saved (dotnet/runtime#1544, Open-XML-SDK#807), so a streamed writer alone does not bound the memory.
/// </summary>
internal sealed class StreamedPackage
{
    private static readonly System.Xml.XmlWriterSettings Settings = new() { Encoding = new System.Text.UTF8Encoding(false), CloseOutput = false };

    private readonly Dictionary<string, Action<System.Xml.XmlWriter>> streamed = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The part (created by the SDK and left empty) is written by <paramref name="write"/> when the package is saved.</summary>
    public void Stream(OpenXmlPart part, Action<System.Xml.XmlWriter> write)
    {
        ArgumentNullException.ThrowIfNull(part);
        streamed[part.Uri.OriginalString.TrimStart('/')] = write;
    }

    /// <summary>The package the SDK made in <paramref name="built"/>, with the streamed parts written into it.</summary>
    public byte[] Save(MemoryStream built)
    {
        ArgumentNullException.ThrowIfNull(built);
        built.Position = 0;
        using var output = new MemoryStream();
        using (var source = new ZipArchive(built, ZipArchiveMode.Read, leaveOpen: true))
        using (var target = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var entry in source.Entries.Where(e => !streamed.ContainsKey(e.FullName)))
            {
                using var from = entry.Open();
                using var to = target.CreateEntry(entry.FullName, CompressionLevel.Optimal).Open();
                from.CopyTo(to);
            }

            foreach (var (name, write) in streamed)
            {
                // Fastest: the large parts are rows of the same few words, which compress well at any level.
                using var to = target.CreateEntry(name, CompressionLevel.Fastest).Open();
                using var writer = System.Xml.XmlWriter.Create(to, Settings);
                writer.WriteStartDocument(standalone: true);
                write(writer);
            }
        }

        return output.ToArray();
    }
}
