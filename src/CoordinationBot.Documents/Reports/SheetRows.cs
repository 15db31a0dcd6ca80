using System.Globalization;
using System.Xml;

namespace CoordinationBot.Documents.Reports;

/// <summary>
/// Rows of a worksheet written cell by cell, tag by tag, so 100,000 rows make no element objects (a cell tree per cell
/// cost more than reading the reports from storage). Empty text cells are left out, as Excel itself saves.
/// </summary>
internal sealed class SheetRows(XmlWriter writer)
{
    private const string X = "x";
    private const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

    private uint row;
    private int column;

    public uint Count => row;

    public void Start()
    {
        row++;
        column = 0;
        writer.WriteStartElement(X, "row", Main);
        writer.WriteAttributeString("r", row.ToString(CultureInfo.InvariantCulture));
    }

    public void End() => writer.WriteEndElement();

    /// <summary>A text cell; an empty one is left out (the next cell's reference places it).</summary>
    public void Text(string text, uint style = 0)
    {
        if (text.Length == 0)
        {
            column++;
            return;
        }

        StartCell("inlineStr", style);
        writer.WriteStartElement(X, "is", Main);
        writer.WriteTextElement(X, Main, text);
        writer.WriteEndElement();
        writer.WriteEndElement();
    }

    public void Number(double value, uint style = 0)
    {
        StartCell("n", style);
        writer.WriteStartElement(X, "v", Main);
        writer.WriteString(value.ToString(CultureInfo.InvariantCulture));
        writer.WriteEndElement();
        writer.WriteEndElement();
    }

    public void Texts(params string[] texts)
    {
        foreach (var text in texts)
        {
            Text(text);
        }
    }

    private void StartCell(string type, uint style)
    {
        writer.WriteStartElement(X, "c", Main);
        writer.WriteAttributeString("r", Reference(column++, row));
        if (style != 0)
        {
            writer.WriteAttributeString("s", style.ToString(CultureInfo.InvariantCulture));
        }

        writer.WriteAttributeString("t", type);
    }

    /// <summary>"A1", "R20001", "AB7": the column in letters, the row in digits.</summary>
    private static string Reference(int column, uint row)
    {
        var letters = column < 26 ? ((char)('A' + column)).ToString() : $"{(char)('A' + (column / 26) - 1)}{(char)('A' + (column % 26))}";
        return letters + row.ToString(CultureInfo.InvariantCulture);
    }
}
