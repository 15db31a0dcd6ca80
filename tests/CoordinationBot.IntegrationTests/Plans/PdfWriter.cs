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
