using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Writer;

namespace CoordinationBot.IntegrationTests.Plans;

/// <summary>
/// PDFs written by the tests, as a plan exported from Word looks to a reader: lines broken to the page width, several
/// pages, a TrueType font with Vietnamese glyphs (DejaVu, installed by test.sh).
/// </summary>
public static class PdfWriter
{
    public const string FontPath = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";
    private const int LinesPerPage = 48;
    private const int CharactersPerLine = 85;

    public static byte[] Lines(IEnumerable<string> paragraphs)
    {
        if (!File.Exists(FontPath))
        {
            throw new InvalidOperationException($"{FontPath} is missing: run ./test.sh (it installs fonts-dejavu-core) or 'sudo apt-get install fonts-dejavu-core'.");
        }

        var builder = new PdfDocumentBuilder();
        var font = builder.AddTrueTypeFont(File.ReadAllBytes(FontPath));
        var lines = paragraphs.SelectMany(Wrap).ToList();
        for (var start = 0; start < lines.Count; start += LinesPerPage)
        {
            var page = builder.AddPage(PageSize.A4);
            var y = 800.0;
            foreach (var line in lines.Skip(start).Take(LinesPerPage))
            {
                page.AddText(line, 10, new PdfPoint(50, y), font);
                y -= 15;
            }
        }

        return builder.Build();
    }

    /// <summary>A page with an image and no text, as a scanner makes it.</summary>
    public static byte[] ScannedPage()
    {
        var builder = new PdfDocumentBuilder();
        var page = builder.AddPage(PageSize.A4);
        page.DrawRectangle(new PdfPoint(50, 50), 400, 600, lineWidth: 3, fill: true);
        return builder.Build();
    }

    /// <summary>
    /// A one-page PDF locked with a user password, as "Protect with password" in a PDF tool makes it: the standard
    /// security handler, revision 2 (RC4, 40-bit key), the page's content encrypted with the object's key.
    /// </summary>
    public static byte[] PasswordProtected(string text, string userPassword, string ownerPassword)
    {
        const int permissions = -44;
        var id = Convert.FromHexString("5A6B7C8D9E0F11223344556677889900");
        var owner = Rc4(Md5(Padded(ownerPassword))[..5], Padded(userPassword));
        var key = Md5([.. Padded(userPassword), .. owner, .. BitConverter.GetBytes(permissions), .. id])[..5];
        var user = Rc4(key, Padding);
        var content = System.Text.Encoding.ASCII.GetBytes($"BT /F1 12 Tf 50 800 Td ({text}) Tj ET");
        var encrypted = Rc4(Md5([.. key, 4, 0, 0, 0, 0])[..10], content);

        var pdf = new MemoryStream();
        var offsets = new List<long>();
        void Write(string chunk) => pdf.Write(System.Text.Encoding.ASCII.GetBytes(chunk));
        void Object(string body)
        {
            offsets.Add(pdf.Position);
            Write($"{offsets.Count} 0 obj\n{body}\nendobj\n");
        }

        Write("%PDF-1.4\n");
        Object("<< /Type /Catalog /Pages 2 0 R >>");
        Object("<< /Type /Pages /Kids [3 0 R] /Count 1 >>");
        Object("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>");
        offsets.Add(pdf.Position);
        Write($"4 0 obj\n<< /Length {encrypted.Length} >>\nstream\n");
        pdf.Write(encrypted);
        Write("\nendstream\nendobj\n");
        Object("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>");
        Object($"<< /Filter /Standard /V 1 /R 2 /O <{Convert.ToHexString(owner)}> /U <{Convert.ToHexString(user)}> /P {permissions} >>");
        var xref = pdf.Position;
        Write($"xref\n0 {offsets.Count + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets)
        {
            Write($"{offset:D10} 00000 n \n");
        }

        Write($"trailer\n<< /Size {offsets.Count + 1} /Root 1 0 R /Encrypt 6 0 R /ID [<{Convert.ToHexString(id)}> <{Convert.ToHexString(id)}>] >>\nstartxref\n{xref}\n%%EOF\n");
        return pdf.ToArray();
    }

    // The password padding of the PDF standard security handler (ISO 32000-1, 7.6.3.3).
    private static readonly byte[] Padding = Convert.FromHexString("28BF4E5E4E758A4164004E56FFFA01082E2E00B6D0683E802F0CA9FE6453697A");

    private static byte[] Padded(string password) =>
        [.. System.Text.Encoding.Latin1.GetBytes(password).Take(32), .. Padding.Take(Math.Max(0, 32 - password.Length))];

#pragma warning disable CA5351 // MD5 is what the PDF format's security handler is built on; nothing here protects data.
    private static byte[] Md5(byte[] data) => System.Security.Cryptography.MD5.HashData(data);
#pragma warning restore CA5351

    private static byte[] Rc4(byte[] key, byte[] data)
    {
        var state = Enumerable.Range(0, 256).Select(i => (byte)i).ToArray();
        for (int i = 0, j = 0; i < 256; i++)
        {
            j = (j + state[i] + key[i % key.Length]) & 0xFF;
            (state[i], state[j]) = (state[j], state[i]);
        }

        var output = new byte[data.Length];
        for (int n = 0, i = 0, j = 0; n < data.Length; n++)
        {
            i = (i + 1) & 0xFF;
            j = (j + state[i]) & 0xFF;
            (state[i], state[j]) = (state[j], state[i]);
            output[n] = (byte)(data[n] ^ state[(state[i] + state[j]) & 0xFF]);
        }

        return output;
    }

    private static IEnumerable<string> Wrap(string paragraph)
    {
        var line = string.Empty;
        foreach (var word in paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (line.Length > 0 && line.Length + 1 + word.Length > CharactersPerLine)
            {
                yield return line;
                line = word;
            }
            else
            {
                line = line.Length == 0 ? word : line + " " + word;
            }
        }

        yield return line;
    }
}
