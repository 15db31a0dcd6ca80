using CoordinationBot.Core.Consolidation;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace CoordinationBot.Documents.Reports;

/// <summary>
/// A focal agency's own report template (.docx): its letterhead, fonts and signing block, with placeholders the bot
/// fills — <c>{{noi_dung}}</c> (required: the sections go there, the appendix after the template's end), <c>{{so}}</c>, <c>{{ngay}}</c>,
/// <c>{{trich_yeu}}</c>, <c>{{ky_bao_cao}}</c>, <c>{{kinh_gui}}</c>, <c>{{nguoi_ky}}</c>, in the body, headers and footers.
/// </summary>
public static class ReportTemplate
{
    public const string Content = "{{noi_dung}}";

    /// <summary>The placeholders a template may hold besides <see cref="Content"/>.</summary>
    public static IReadOnlyList<string> Placeholders { get; } = ["{{so}}", "{{ngay}}", "{{trich_yeu}}", "{{ky_bao_cao}}", "{{kinh_gui}}", "{{nguoi_ky}}"];

    /// <summary>What a template sent in chat is: none when it is one, else why not.</summary>
    public static TemplateProblem Check(byte[] template)
    {
        ArgumentNullException.ThrowIfNull(template);
        try
        {
            // Unpacked with the same cap as a plan file, before OpenXML sees it: a zip bomb is no template.
            if (!Plans.UnpackedSize.ZipWithin(template))
            {
                return TemplateProblem.TooLarge;
            }

            using var document = WordprocessingDocument.Open(new MemoryStream(template), false);
            var body = document.MainDocumentPart?.Document?.Body;
            return body is null ? TemplateProblem.NotAWordFile
                : body.Descendants<Paragraph>().Any(p => Text(p).Contains(Content, StringComparison.Ordinal)) ? TemplateProblem.None : TemplateProblem.NoContentPlaceholder;
        }
        catch (Exception failure) when (failure is OpenXmlPackageException or InvalidDataException or FileFormatException or System.Xml.XmlException or ArgumentException)
        {
            return TemplateProblem.NotAWordFile;
        }
    }

    /// <summary>The placeholders' values for this report.</summary>
    public static IReadOnlyDictionary<string, string> Values(ConsolidationSummary summary, ReportAuthority authority)
    {
        ArgumentNullException.ThrowIfNull(summary);
        ArgumentNullException.ThrowIfNull(authority);
        var plan = summary.Plan;
        return new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["{{so}}"] = ReportText.Format("Number", authority.Code),
            ["{{ngay}}"] = ReportText.Format("PlaceDate", authority.Place, summary.Round.Period.Year),
            ["{{trich_yeu}}"] = ReportText.Format("Subject", ReportText.Kind(plan.Kind), plan.Number ?? ReportText.Get("NoNumber")) + " " + plan.Title,
            ["{{ky_bao_cao}}"] = ReportText.Format("Period", ReportText.Period(summary.Round.Period)),
            ["{{kinh_gui}}"] = ReportText.Format("To", authority.Recipient),
            ["{{nguoi_ky}}"] = string.Join("\n", authority.Signature),
        };
    }

    /// <summary>The template with its placeholders filled and <paramref name="content"/>'s body (a report written without its own layout) in place of <see cref="Content"/>.</summary>
    public static byte[] Fill(byte[] template, byte[] content, IReadOnlyDictionary<string, string> values)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(values);
        using var stream = new MemoryStream();
        stream.Write(template);
        using (var document = WordprocessingDocument.Open(stream, true))
        using (var source = WordprocessingDocument.Open(new MemoryStream(content), false))
        {
            var main = document.MainDocumentPart!;
            CopyMissingStyles(source.MainDocumentPart!, main);
            var roots = new List<OpenXmlElement> { main.Document.Body! };
            roots.AddRange(main.HeaderParts.Select(h => (OpenXmlElement)h.Header));
            roots.AddRange(main.FooterParts.Select(f => (OpenXmlElement)f.Footer));
            foreach (var paragraph in roots.SelectMany(r => r.Descendants<Paragraph>()).ToList())
            {
                var text = Text(paragraph);
                if (text.Contains(Content, StringComparison.Ordinal))
                {
                    // The sections where the placeholder stands; the appendix (from its page break on) after the
                    // template's own end, so the signing block closes the report before it.
                    var elements = source.MainDocumentPart!.Document.Body!.ChildElements.Where(e => e is not SectionProperties).ToList();
                    var appendix = elements.FindIndex(e => e is Paragraph p && p.Descendants<Break>().Any(b => b.Type?.Value == BreakValues.Page));
                    var sections = appendix < 0 ? elements : elements[..appendix];
                    foreach (var element in sections)
                    {
                        paragraph.InsertBeforeSelf(element.CloneNode(true));
                    }

                    paragraph.Remove();
                    var body = main.Document.Body!;
                    var end = body.Elements<SectionProperties>().LastOrDefault();
                    foreach (var element in appendix < 0 ? [] : elements[appendix..])
                    {
                        if (end is null)
                        {
                            body.AppendChild(element.CloneNode(true));
                        }
                        else
                        {
                            end.InsertBeforeSelf(element.CloneNode(true));
                        }
                    }
                }
                else if (text.Contains("{{", StringComparison.Ordinal))
                {
                    Replace(paragraph, text, values);
                }
            }

            main.Document.Save();
        }

        return stream.ToArray();
    }

    /// <summary>A paragraph's placeholders replaced: its text (Word splits it over runs) put in its first run, whose look it keeps; a line break per "\n".</summary>
    private static void Replace(Paragraph paragraph, string text, IReadOnlyDictionary<string, string> values)
    {
        var filled = values.Aggregate(text, (current, value) => current.Replace(value.Key, value.Value, StringComparison.Ordinal));
        var runs = paragraph.Descendants<Run>().ToList();
        if (runs.Count == 0 || filled == text)
        {
            return;
        }

        var first = runs[0];
        foreach (var run in runs.Skip(1))
        {
            run.Remove();
        }

        foreach (var child in first.ChildElements.Where(c => c is not RunProperties).ToList())
        {
            child.Remove();
        }

        var lines = filled.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (i > 0)
            {
                first.AppendChild(new Break());
            }

            first.AppendChild(new Text(lines[i]) { Space = SpaceProcessingModeValues.Preserve });
        }
    }

    /// <summary>The report's own styles (its table cells) where the template has none of that id.</summary>
    private static void CopyMissingStyles(MainDocumentPart from, MainDocumentPart to)
    {
        if (from.StyleDefinitionsPart?.Styles is not { } styles)
        {
            return;
        }

        var target = to.StyleDefinitionsPart ?? to.AddNewPart<StyleDefinitionsPart>();
        target.Styles ??= new Styles();
        var known = target.Styles.Elements<Style>().Select(s => s.StyleId?.Value).ToHashSet(StringComparer.Ordinal);
        foreach (var style in styles.Elements<Style>().Where(s => !known.Contains(s.StyleId?.Value)))
        {
            target.Styles.AppendChild(style.CloneNode(true));
        }

        target.Styles.Save();
    }

    private static string Text(Paragraph paragraph) => string.Concat(paragraph.Descendants<Text>().Select(t => t.Text));
}

/// <summary>Why a template was not taken.</summary>
public enum TemplateProblem
{
    None,
    NotAWordFile,
    NoContentPlaceholder,
    TooLarge,
}
