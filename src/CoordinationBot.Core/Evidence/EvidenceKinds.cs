namespace CoordinationBot.Core.Evidence;

/// <summary>
/// The files accepted as evidence — PDF, Word, Excel, JPEG and PNG, at most <see cref="MaxBytes"/> — told by their
/// first bytes as well as their name, so a renamed program or page is not stored as a "PDF".
/// </summary>
public static class EvidenceKinds
{
    public const int MaxBytes = 10 * 1024 * 1024;

    private static readonly (string Extension, string ContentType, byte[] Magic)[] Kinds =
    [
        (".pdf", "application/pdf", "%PDF-"u8.ToArray()),
        (".docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", [0x50, 0x4B, 0x03, 0x04]),
        (".xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", [0x50, 0x4B, 0x03, 0x04]),
        (".jpg", "image/jpeg", [0xFF, 0xD8, 0xFF]),
        (".jpeg", "image/jpeg", [0xFF, 0xD8, 0xFF]),
        (".png", "image/png", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]),
    ];

    /// <summary>The names the accepted kinds end with, for the message that lists them.</summary>
    public static string Accepted => string.Join(", ", Kinds.Select(k => k.Extension).Where(e => e != ".jpeg"));

    /// <summary>The content type to serve the file with, or null when it is not an accepted kind (by name and by content).</summary>
    public static string? ContentTypeOf(string fileName, ReadOnlySpan<byte> content)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        foreach (var (kind, type, magic) in Kinds)
        {
            if (kind == extension && content.StartsWith(magic))
            {
                return type;
            }
        }

        return null;
    }
}
