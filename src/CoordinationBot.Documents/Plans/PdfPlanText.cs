using System.Text;
using CoordinationBot.Core.Plans.Import;
using UglyToad.PdfPig;
using UglyToad.PdfPig.DocumentLayoutAnalysis.TextExtractor;

namespace CoordinationBot.Documents.Plans;

/// <summary>
/// A PDF plan's text, page by page in reading order (PdfPig). A PDF whose pages carry (almost) no text is a scan: there
/// is nothing to read without OCR, and the officer is told so. Bounded: pages, unpacked streams and text length.
/// </summary>
public static class PdfPlanText
{
    public const int MaxPages = 300;
    private const int MaxCharacters = 2_000_000;
    private const int MinLettersPerPage = 40;

    public static PlanDocumentText Read(byte[] content)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (!UnpackedSize.PdfWithin(content))
        {
            return PlanDocumentText.Failed(PlanFileProblem.TooLargeUnpacked);
        }

        try
        {
            using var document = PdfDocument.Open(content);
            if (document.NumberOfPages > MaxPages)
            {
                return PlanDocumentText.Failed(PlanFileProblem.TooLargeUnpacked);
            }

            var text = new StringBuilder();
            var letters = 0;
            foreach (var page in document.GetPages())
            {
                var pageText = ContentOrderTextExtractor.GetText(page);
                letters += pageText.Count(char.IsLetter);
                text.AppendLine(pageText);
                if (text.Length > MaxCharacters)
                {
                    return PlanDocumentText.Failed(PlanFileProblem.TooLargeUnpacked);
                }
            }

            return letters < MinLettersPerPage * Math.Max(1, document.NumberOfPages)
                ? PlanDocumentText.Failed(PlanFileProblem.Scanned)
                : PlanDocumentText.Of(text.ToString().Normalize(NormalizationForm.FormC));
        }
        catch (UglyToad.PdfPig.Exceptions.PdfDocumentEncryptedException)
        {
            return PlanDocumentText.Failed(PlanFileProblem.Protected);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException and not StackOverflowException)
        {
            // PdfPig reports a damaged or encrypted file with exceptions of its own types.
            return PlanDocumentText.Failed(PlanFileProblem.Unreadable);
        }
    }
}
