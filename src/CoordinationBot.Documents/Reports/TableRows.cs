using System.Xml;

namespace CoordinationBot.Documents.Reports;

/// <summary>
/// Body rows of a Word table written tag by tag, in the cell style (12 pt, no spacing after): an appendix of 100,000
/// rows makes no element objects.
/// </summary>
internal static class TableRows
{
    private const string W = "w";
    private const string Main = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

    public static void Write(XmlWriter writer, params string[] cells)
    {
        writer.WriteStartElement(W, "tr", Main);
        foreach (var cell in cells)
        {
            writer.WriteStartElement(W, "tc", Main);
            writer.WriteStartElement(W, "p", Main);
            writer.WriteStartElement(W, "pPr", Main);
            writer.WriteStartElement(W, "pStyle", Main);
            writer.WriteAttributeString(W, "val", Main, WordParts.CellStyle);
            writer.WriteEndElement();
            writer.WriteEndElement();
            if (cell.Length > 0)
            {
                writer.WriteStartElement(W, "r", Main);
                writer.WriteTextElement(W, Main, cell);
                writer.WriteEndElement();
            }

            writer.WriteEndElement();
            writer.WriteEndElement();
        }

        writer.WriteEndElement();
    }
}
