using CoordinationBot.Core.Text;

namespace CoordinationBot.Core.Agencies;

/// <summary>Agencies named in a text: the longest known name at each place, words matched without diacritics or punctuation.</summary>
public sealed partial class AgencyRegistry
{
    /// <summary>Every known agency named in tokens [from, to), left to right, longest name first.</summary>
    public List<AgencyMention> FindMentions(IReadOnlyList<TextToken> tokens, int from, int to)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        var found = new List<AgencyMention>();
        var i = from;
        while (i < to)
        {
            var mention = MatchAt(tokens, i, to);
            if (mention is null)
            {
                i++;
                continue;
            }

            found.Add(mention);
            i = mention.End;
        }

        return found;
    }

    /// <summary>The known agency whose name starts at token <paramref name="index"/>, if any.</summary>
    public AgencyMention? MatchAt(IReadOnlyList<TextToken> tokens, int index, int to)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        if (index >= to || !tokens[index].IsWord || !byFirstWord.TryGetValue(tokens[index].Folded, out var candidates))
        {
            return null;
        }

        foreach (var (words, agency) in candidates)
        {
            var end = MatchWords(tokens, index, to, words);
            if (end > 0 && !OfAnotherLevel(agency, tokens, end, to))
            {
                return new AgencyMention(index, end, agency);
            }
        }

        return null;
    }

    /// <summary>
    /// "Ủy ban Mặt trận Tổ quốc xã" read as the province's "Ủy ban Mặt trận Tổ quốc" and a stray "xã": a name followed by
    /// the word of another level is not that agency (kept as written, to review, rather than sent to the wrong one).
    /// </summary>
    private static bool OfAnotherLevel(Agency agency, IReadOnlyList<TextToken> tokens, int end, int to)
    {
        if (end >= to || !tokens[end].IsWord || agency.Level is AgencyLevel.Unknown or AgencyLevel.Central)
        {
            return false;
        }

        var level = tokens[end].Folded switch
        {
            "xa" or "phuong" => AgencyLevel.Commune,
            "huyen" => AgencyLevel.District,
            "tinh" => AgencyLevel.Province,
            _ => AgencyLevel.Unknown,
        };
        return level != AgencyLevel.Unknown && level != agency.Level;
    }

    /// <summary>
    /// The name to keep for a mention: the registry's own name when the document wrote that name (or an abbreviation
    /// of it); the document's words when the registry's name would change what it says (a collective, a name of
    /// another province: "Các Sở, ngành, đơn vị", "Báo và Phát thanh, Truyền hình tỉnh").
    /// </summary>
    public static string NameOf(AgencyMention mention, IReadOnlyList<TextToken> tokens, string text)
    {
        ArgumentNullException.ThrowIfNull(mention);
        ArgumentNullException.ThrowIfNull(tokens);
        ArgumentNullException.ThrowIfNull(text);
        var surface = text[tokens[mention.Start].Start..tokens[mention.End - 1].End];
        var written = string.Join(' ', Words(surface));
        var canonical = string.Join(' ', Words(mention.Agency.Name));
        if (mention.Agency.IsGroup)
        {
            return written == canonical ? mention.Agency.Name : char.ToUpperInvariant(surface[0]) + surface[1..];
        }

        var abbreviated = tokens.Skip(mention.Start).Take(mention.End - mention.Start)
            .Any(t => t.IsWord && t.End - t.Start >= 2 && text[t.Start..t.End].Count(char.IsUpper) >= 2);
        return abbreviated || canonical.Contains(written, StringComparison.Ordinal) || written.Contains(canonical, StringComparison.Ordinal)
            ? mention.Agency.Name
            : surface;
    }

    public static string[] Words(string name) =>
        Tokenizer.Tokenize(name).Where(t => t.IsWord).Select(t => t.Folded).ToArray();

    /// <summary>Matches the words, skipping punctuation in the text ("Văn hóa, Thể thao" = "van hoa the thao"); returns the end or 0.</summary>
    private static int MatchWords(IReadOnlyList<TextToken> tokens, int index, int to, string[] words)
    {
        var t = index;
        foreach (var word in words)
        {
            while (t < to && !tokens[t].IsWord && tokens[t].Folded is "," or "-")
            {
                t++;
            }

            if (t >= to || tokens[t].Folded != word)
            {
                return 0;
            }

            t++;
        }

        return t;
    }
}
