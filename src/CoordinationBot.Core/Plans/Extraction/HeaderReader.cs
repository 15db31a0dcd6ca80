using System.Globalization;
using System.Text.RegularExpressions;
using CoordinationBot.Core.Text;

namespace CoordinationBot.Core.Plans.Extraction;

/// <summary>
/// The facts of the document's header (Nghị định 30/2020 layout): issuing body, "Số: 62/KH-UBND", place and date,
/// kind ("KẾ HOẠCH"), title, and the documents it implements.
/// </summary>
public static partial class HeaderReader
{
    /// <summary>The kind's title as a plan's header line writes it ("KẾ HOẠCH"), folded, to its abbreviation ("KH").</summary>
    private static readonly Dictionary<string, string> Kinds = PlanKind.All.ToDictionary(k => VietnameseText.Fold(k.Name), k => k.Abbreviation, StringComparer.Ordinal);

    public static PlanHeader Read(IReadOnlyList<string> preamble)
    {
        ArgumentNullException.ThrowIfNull(preamble);
        var lines = preamble.Select(VietnameseText.Normalize).Where(l => l.Length > 0).ToList();
        var kindIndex = lines.FindIndex(l => Kinds.ContainsKey(VietnameseText.Fold(l)) && IsUpperCase(l));
        var kind = kindIndex >= 0 ? Kinds[VietnameseText.Fold(lines[kindIndex])] : null;

        // Letterheads copied out of tables break "Số:" and "Hà Nội, ngày 29" from what follows them.
        var joined = string.Join(' ', lines.Select(l => l.Trim('|', ' ')));
        string? number = null;
        var numberLine = lines.FindIndex(l => NumberPattern().IsMatch(l));
        var numberMatch = numberLine >= 0 ? NumberPattern().Match(lines[numberLine]) : NumberPattern().Match(joined);
        if (numberLine < 0 && numberMatch.Success)
        {
            numberLine = Math.Max(lines.FindIndex(l => l.TrimStart('|', ' ').StartsWith("Số", StringComparison.Ordinal)), 0);
        }

        if (numberMatch.Success)
        {
            kind ??= numberMatch.Groups[2].Value;
            number = numberMatch.Groups[1].Value.Length > 0 ? $"{numberMatch.Groups[1].Value}/{numberMatch.Groups[2].Value}-{numberMatch.Groups[3].Value}" : null;
        }

        DateOnly? issuedOn = null;
        int? year = null;
        var placed = PlacedIssueDate().Match(joined);
        var dateMatch = placed.Success ? placed : lines.Select(l => IssueDate().Match(l)).FirstOrDefault(m => m.Success);
        if (dateMatch is not null)
        {
            year = int.Parse(dateMatch.Groups[3].Value, CultureInfo.InvariantCulture);
            if (int.TryParse(dateMatch.Groups[1].Value, out var day) && int.TryParse(dateMatch.Groups[2].Value, out var month)
                && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year.Value, month))
            {
                issuedOn = new DateOnly(year.Value, month, day);
            }
        }

        var title = ReadTitle(lines, kindIndex);
        if (year is null && TitleYear().Match(title) is { Success: true } titleYear)
        {
            year = int.Parse(titleYear.Groups[1].Value, CultureInfo.InvariantCulture);
        }

        var issuer = ReadIssuer(lines, numberLine) ?? lines.Select(l => IssuingSentence().Match(l)).FirstOrDefault(m => m.Success)?.Groups[1].Value.Trim();
        var body = kindIndex >= 0 ? string.Join(' ', lines.Skip(kindIndex + 1)) : string.Join(' ', lines);
        // "(Kèm theo Quyết định số 1234/QĐ-BNV …)" under the plan names the document itself, not one it implements.
        var references = ReadReferences(body).Where(r => !string.Equals(r.Number, number, StringComparison.OrdinalIgnoreCase)).ToList();
        return new PlanHeader(kind ?? "KH", number, issuer, issuedOn, year, title, references);
    }

    private static string ReadTitle(List<string> lines, int kindIndex)
    {
        if (kindIndex < 0)
        {
            return string.Empty;
        }

        var title = new List<string>();
        foreach (var line in lines.Skip(kindIndex + 1))
        {
            var folded = VietnameseText.Fold(line);
            if (title.Count > 0 && (folded.StartsWith("can cu", StringComparison.Ordinal) || folded.StartsWith("thuc hien", StringComparison.Ordinal)))
            {
                break;
            }

            // "Ban hành Kế hoạch …" then "BỘ TRƯỞNG BỘ NỘI VỤ" / "ỦY BAN NHÂN DÂN TỈNH": who decides, not the title.
            if (title.Count > 0 && !IsUpperCase(title[^1]) && IsUpperCase(line) && folded.Length > 0)
            {
                break;
            }

            title.Add(line);
            if (line.EndsWith(';') || line.EndsWith(':') || title.Count >= 6)
            {
                break;
            }
        }

        var joined = string.Join(' ', title).Trim();
        return joined.Length <= 1000 ? joined : joined[..1000] + "…";
    }

    private static string? ReadIssuer(List<string> lines, int numberLine)
    {
        if (numberLine <= 0)
        {
            return null;
        }

        // The letterhead's two columns come side by side on a line, one after the other, or with the motto broken over
        // lines ("CỘNG HÒA XÃ" / "HỘI CHỦ NGHĨA VIỆT NAM"): the issuing body is what stands before the motto on each
        // line, without rules and cell bars, and no line that only continues the motto.
        var kept = new List<string>();
        foreach (var line in lines.Take(numberLine))
        {
            var words = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var part = new List<string>();
            for (var i = 0; i < words.Length; i++)
            {
                var folded = VietnameseText.Fold(words[i]);
                var next = i + 1 < words.Length ? VietnameseText.Fold(words[i + 1]) : string.Empty;
                if ((folded == "cong" && next == "hoa") || (folded == "doc" && next.StartsWith("lap", StringComparison.Ordinal)))
                {
                    break;
                }

                if (words[i].Any(char.IsLetter))
                {
                    part.Add(words[i]);
                }
            }

            var text = string.Join(' ', part);
            var start = VietnameseText.Fold(text);
            if (IsUpperCase(text) && !MottoRest.Any(m => start.StartsWith(m, StringComparison.Ordinal)))
            {
                kept.Add(text);
            }
        }

        return kept.Count > 0 ? string.Join(' ', kept) : null;
    }

    private static readonly string[] MottoRest = ["hoi chu nghia", "xa hoi chu nghia", "chu nghia viet nam"];

    private static List<DocumentReference> ReadReferences(string text)
    {
        var references = new List<DocumentReference>();
        foreach (Match m in Reference().Matches(text))
        {
            var number = m.Groups[1].Value.Replace(" ", string.Empty, StringComparison.Ordinal);
            var date = DateReader.ReadFirst(m.Groups[2].Value, null);
            if (!references.Any(r => r.Number == number))
            {
                references.Add(new DocumentReference(number, date));
            }
        }

        return references;
    }

    private static bool IsUpperCase(string line) => line.Any(char.IsLetter) && !line.Any(char.IsLower);

    [GeneratedRegex(@"Số\s*:\s*(\d*)\s*/\s*([A-Za-zĐđ]+)\s*-\s*([A-Za-zĐđ]+)")]
    private static partial Regex NumberPattern();

    [GeneratedRegex(@"ngày\s*(\d{0,2})\s*tháng\s*(\d{0,2})\s*năm\s*(\d{4})", RegexOptions.IgnoreCase)]
    private static partial Regex IssueDate();

    /// <summary>"Hà Nội, ngày 29 tháng 11 năm 2025": the place before the date tells it from dates cited in the text.</summary>
    [GeneratedRegex(@"\p{L},\s*ngày\s*(\d{0,2})\s*tháng\s*(\d{0,2})\s*năm\s*(\d{4})", RegexOptions.IgnoreCase)]
    private static partial Regex PlacedIssueDate();

    [GeneratedRegex(@"^((?:Ủy|Uỷ) ban nhân dân [^,;:]{2,60}?)\s+ban hành\s+(?:Kế hoạch|Chương trình)")]
    private static partial Regex IssuingSentence();

    [GeneratedRegex(@"năm\s+(\d{4})\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex TitleYear();

    [GeneratedRegex(@"số\s+(\d+\s*[-/]\s*[A-Za-zĐđ]+(?:\s*[-/]\s*[A-Za-zĐđ]+)*)\s*,?\s*(ngày\s+\d{1,2}(?:\s+tháng\s+\d{1,2}\s+năm\s+\d{4}|/\d{1,2}/\d{4}))?", RegexOptions.IgnoreCase)]
    private static partial Regex Reference();
}

/// <summary>What the header says.</summary>
public sealed record PlanHeader(string Kind, string? Number, string? Issuer, DateOnly? IssuedOn, int? Year, string Title, IReadOnlyList<DocumentReference> Implements);
