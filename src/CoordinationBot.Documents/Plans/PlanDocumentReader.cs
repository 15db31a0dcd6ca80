using System.Text;
using CoordinationBot.Core.Plans.Import;
using DocumentFormat.OpenXml.Packaging;
using Word = DocumentFormat.OpenXml.Wordprocessing;

namespace CoordinationBot.Documents.Plans;

/// <summary>
/// Plan files to text. .txt: UTF-8 or UTF-16 (BOM), else strict UTF-8, else Windows-1258 (composed to NFC).
/// .docx: one line per paragraph, table rows as "| cell | cell |" (nested tables flattened, bounded in depth), after
/// checking what it unpacks to. .pdf: <see cref="PdfPlanText"/>. .xlsx: <see cref="WorkbookPlanText"/>. .doc (Word 97-2003) is named so the officer can save it
/// as .docx.
/// </summary>
public sealed class PlanDocumentReader : IPlanDocumentReader
{
    public const int MaxBytes = 10 * 1024 * 1024;
    private const int MaxTableDepth = 4;

    static PlanDocumentReader() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public PlanDocumentText Read(ReadOnlySpan<byte> content, string fileName)
    {
        if (content.IsEmpty)
        {
            return PlanDocumentText.Failed(PlanFileProblem.Empty);
        }

        if (content.Length > MaxBytes)
        {
            return PlanDocumentText.Failed(PlanFileProblem.TooLarge);
        }

        var extension = Path.GetExtension(fileName ?? string.Empty).ToLowerInvariant();
        var text = extension switch
        {
            ".txt" or ".text" or ".md" => ReadText(content),
            ".docx" => Package(content.ToArray(), ReadWord),
            ".pdf" => PdfPlanText.Read(content.ToArray()),
            ".xlsx" => Package(content.ToArray(), WorkbookPlanText.Read),
            ".doc" or ".rtf" => PlanDocumentText.Failed(PlanFileProblem.LegacyWord),
            _ => PlanDocumentText.Failed(PlanFileProblem.UnsupportedType),
        };
        return text.Text is { } value && string.IsNullOrWhiteSpace(value) ? PlanDocumentText.Failed(PlanFileProblem.Empty) : text;
    }

    private static PlanDocumentText ReadText(ReadOnlySpan<byte> content)
    {
        string text;
        if (content.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            text = Encoding.UTF8.GetString(content[3..]);
        }
        else if (content.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            text = Encoding.Unicode.GetString(content[2..]);
        }
        else if (content.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            text = Encoding.BigEndianUnicode.GetString(content[2..]);
        }
        else if (content.Contains((byte)0))
        {
            return PlanDocumentText.Failed(PlanFileProblem.Unreadable);
        }
        else
        {
            try
            {
                text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(content);
            }
            catch (DecoderFallbackException)
            {
                text = Encoding.GetEncoding(1258).GetString(content);
            }
        }

        return text.Any(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t' or '\f'))
            ? PlanDocumentText.Failed(PlanFileProblem.Unreadable)
            : PlanDocumentText.Of(text.Normalize(NormalizationForm.FormC));
    }

    /// <summary>A Word or Excel package: unpacked with the cap before it is parsed, and a damaged one is unreadable, not an exception.</summary>
    private static PlanDocumentText Package(byte[] content, Func<byte[], PlanDocumentText> read)
    {
        try
        {
            return UnpackedSize.ZipWithin(content) ? read(content) : PlanDocumentText.Failed(PlanFileProblem.TooLargeUnpacked);
        }
        catch (Exception exception) when (exception is OpenXmlPackageException or InvalidDataException or IOException or System.Xml.XmlException or InvalidOperationException or ArgumentException or NotSupportedException or FormatException)
        {
            return PlanDocumentText.Failed(PlanFileProblem.Unreadable);
        }
    }

    private static PlanDocumentText ReadWord(byte[] content)
    {
        using var stream = new MemoryStream(content, writable: false);
        using var document = WordprocessingDocument.Open(stream, false, new OpenSettings { MaxCharactersInPart = UnpackedSize.MaxBytes });
        var body = document.MainDocumentPart?.Document?.Body;
        if (body is null)
        {
            return PlanDocumentText.Failed(PlanFileProblem.Unreadable);
        }

        var lines = new StringBuilder();
        foreach (var element in body.ChildElements)
        {
            Append(element, lines, depth: 0);
        }

        return PlanDocumentText.Of(lines.ToString().Normalize(NormalizationForm.FormC));
    }

    private static void Append(DocumentFormat.OpenXml.OpenXmlElement element, StringBuilder lines, int depth)
    {
        switch (element)
        {
            case Word.Paragraph paragraph:
                lines.AppendLine(paragraph.InnerText);
                break;
            case Word.Table table when depth < MaxTableDepth:
                // Merged cells as the reader of a printed table sees them: a cell spanning columns (gridSpan) keeps its
                // place, so later cells stay under their headers; a cell merged down (vMerge) says the same in every row
                // it spans — except the numbering column, where a merged number belongs to its first row only.
                var above = new Dictionary<int, string>();
                foreach (var row in table.Elements<Word.TableRow>())
                {
                    var cells = new List<string>();
                    foreach (var cell in row.Elements<Word.TableCell>())
                    {
                        var column = cells.Count;
                        var properties = cell.TableCellProperties;
                        var merge = properties?.VerticalMerge;
                        var text = CellText(cell, depth);
                        if (merge is not null && merge.Val?.Value != Word.MergedCellValues.Restart)
                        {
                            text = column == 0 ? string.Empty : above.GetValueOrDefault(column, string.Empty);
                        }
                        else
                        {
                            above[column] = text;
                        }

                        cells.Add(text);
                        var span = properties?.GridSpan?.Val?.Value ?? 1;
                        for (var extra = 1; extra < Math.Min(span, 20); extra++)
                        {
                            cells.Add(string.Empty);
                        }
                    }

                    lines.Append("| ").AppendJoin(" | ", cells).AppendLine(" |");
                }

                break;
            default:
                break;
        }
    }

    private static string CellText(Word.TableCell cell, int depth)
    {
        var parts = new List<string>();
        foreach (var child in cell.ChildElements)
        {
            if (child is Word.Paragraph paragraph && paragraph.InnerText.Trim().Length > 0)
            {
                parts.Add(paragraph.InnerText.Trim());
            }
            else if (child is Word.Table nested && depth + 1 < MaxTableDepth)
            {
                var inner = new StringBuilder();
                Append(nested, inner, depth + 1);
                parts.Add(inner.ToString().Replace('|', ';').Replace(Environment.NewLine, "; ", StringComparison.Ordinal).Trim(' ', ';'));
            }
        }

        return string.Join("; ", parts).Replace('|', '/');
    }
}
