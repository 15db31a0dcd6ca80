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
            if (rest.Length == 0 || Text.VietnameseText.Fold(rest).StartsWith("lien quan", StringComparison.Ordinal))
            {
                continue;
            }

            if (list.Names.Count > 0 && IsNameTail(rest))
            {
                // "Phòng Tổ chức, biên chế": lower-case words after a comma, with no agency word, end the name before them;
                // "Cục Quản lý hoạt động xây dựng": in a cell, words that would start a sentence's verb are the name's own.
                var afterComma = part[..Math.Max(part.LastIndexOf(rest, StringComparison.Ordinal), 0)].TrimEnd().EndsWith(',');
                names[^1] = names[^1] + (afterComma ? ", " : " ") + rest;
            }
            else
            {
                names.Add(rest);
            }
        }

        return names.Distinct().ToList();
    }

    private static bool IsNameTail(string rest)
    {
        var words = Text.VietnameseText.Fold(rest).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return char.IsLower(rest[0]) && words.Length <= 3 && words[0] is not ("cac" or "va" or "cung" or "voi" or "theo" or "tai" or "o");
    }
}
