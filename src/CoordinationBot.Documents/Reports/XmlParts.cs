using System.Xml;
using DocumentFormat.OpenXml;

namespace CoordinationBot.Documents.Reports;

/// <summary>
/// A large part written SAX-style with a plain <see cref="XmlWriter"/>: the SDK's elements for what is small (properties,
/// headings), start and end tags by name for the rows, which are the part's bulk.
/// </summary>
internal static class XmlParts
{
    /// <summary>The start tag of <paramref name="element"/> (its children and end tag are the caller's to write).</summary>
    public static void WriteStart(this XmlWriter writer, OpenXmlElement element) =>
        writer.WriteStartElement(element.Prefix, element.LocalName, element.NamespaceUri);

    public static void WriteElement(this XmlWriter writer, OpenXmlElement element) => element.WriteTo(writer);

    /// <summary>
    /// A text element (<c>&lt;w:t&gt;</c>, <c>&lt;x:t&gt;</c>) of the namespace, with xml:space="preserve" only where the
    /// text's edges are spaces that would otherwise be dropped.
    /// </summary>
    public static void WriteTextElement(this XmlWriter writer, string prefix, string namespaceUri, string text)
    {
        writer.WriteStartElement(prefix, "t", namespaceUri);
        if (text.Length > 0 && (char.IsWhiteSpace(text[0]) || char.IsWhiteSpace(text[^1])))
        {
            writer.WriteAttributeString("xml", "space", null, "preserve");
        }

        writer.WriteString(text);
        writer.WriteEndElement();
    }
}
