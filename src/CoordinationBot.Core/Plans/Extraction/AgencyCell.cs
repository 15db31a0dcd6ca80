using CoordinationBot.Core.Agencies;

namespace CoordinationBot.Core.Plans.Extraction;

/// <summary>The agencies listed in a table cell or after "Cơ quan phối hợp:", names with commas kept whole.</summary>
public static class AgencyCell
{
    public static List<string> Split(string cell, AgencyListReader reader)
    {
        ArgumentNullException.ThrowIfNull(cell);
        ArgumentNullException.ThrowIfNull(reader);
        var names = new List<string>();
        foreach (var part in cell.Split([';', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var list = reader.Read(part);
            names.AddRange(list.Names);
            var rest = list.Rest.Trim(' ', ',', '.');
            if (rest.Length > 0 && !Text.VietnameseText.Fold(rest).StartsWith("lien quan", StringComparison.Ordinal))
            {
                names.Add(rest);
            }
        }

        return names.Distinct().ToList();
    }
}
