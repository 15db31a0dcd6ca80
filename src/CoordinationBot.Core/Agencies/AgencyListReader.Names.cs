using CoordinationBot.Core.Text;

namespace CoordinationBot.Core.Agencies;

/// <summary>Names the registry does not know, where they end; several agencies under one head; collective nouns ("các sở, ngành").</summary>
public sealed partial class AgencyListReader
{
    // Words of level and place that a name may hold in lower case ("Liên minh Hợp tác xã cấp tỉnh").
    private static readonly HashSet<string> LevelWords =
    [
        "tinh", "thanh", "pho", "huyen", "quan", "xa", "phuong", "thi", "tran", "dac", "khu", "cap", "trung", "uong",
        "nhan", "dan", "toi", "cao", "nha", "nuoc", "thuoc", "truc",
    ];

    /// <summary>
    /// Where an unknown agency's name ends. A collective ("các cơ quan, đơn vị …") runs to the verb; a proper name
    /// ("Bộ Tư lệnh Thành phố", "Trung tâm Chuyển đổi số Thành phố") is built of capitalised words, each with the
    /// lower-case syllables of its word, and level words ("cấp tỉnh"); the first other lower-case word is the verb.
    /// </summary>
    private int UnknownNameEnd(string text, List<TextToken> tokens, int p)
    {
        var collective = tokens[p].Folded == "cac";
        var end = p + Math.Max(HeadLength(text, tokens, p), 1);
        var lowerRun = 0;
        var capitalRun = 0;
        var afterLevel = false;
        while (end < tokens.Count && end - p < 24)
        {
            var token = tokens[end].Folded;
            if (token is ";" or "(" or ":" or "." || Stops.Any(stop => Starts(tokens, end, stop)) || IsCopula(text, tokens[end]))
            {
                break;
            }

            if (token is "," or "va" && NextIsAgency(text, tokens, SkipSeparators(tokens, end)))
            {
                break;
            }

            if (!collective && tokens[end].IsWord)
            {
                var capital = IsCapitalised(text, tokens[end]) || char.IsDigit(text[tokens[end].Start]);
                if (capital || LevelWords.Contains(token))
                {
                    capitalRun = capital ? capitalRun + 1 : 0;
                    afterLevel = !capital;
                    lowerRun = 0;
                }
                else if (lowerRun == 0 && (capitalRun >= 2 || afterLevel))
                {
                    // After a proper name ("tỉnh Gia Lai"), a lower-case word is the verb, not a second syllable.
                    break;
                }
                else if (token is "va" or "cac" && end + 1 < tokens.Count && tokens[end + 1].IsWord && IsCapitalised(text, tokens[end + 1]))
                {
                    lowerRun = 0;
                }
                else
                {
                    capitalRun = 0;
                    afterLevel = false;
                    lowerRun++;
                    bool NamePartAt(int i) => i < tokens.Count && tokens[i].IsWord && (IsCapitalised(text, tokens[i]) || LevelWords.Contains(tokens[i].Folded));
                    var goesOn = lowerRun switch
                    {
                        1 => true,
                        2 => NamePartAt(end + 1) || (end + 1 < tokens.Count && tokens[end + 1].IsWord && NamePartAt(end + 2)),
                        3 => NamePartAt(end + 1),
                        _ => false,
                    } || (lowerRun <= 4 && StopsWithin(text, tokens, end + 1, 5 - lowerRun));
                    if (!goesOn)
                    {
                        end -= lowerRun - 2;
                        break;
                    }
                }
            }
            else if (!collective && token is ",")
            {
                var next = end + 1 < tokens.Count ? tokens[end + 1] : default;
                if (!next.IsWord || !(IsCapitalised(text, next) || LevelWords.Contains(next.Folded)))
                {
                    break;
                }
            }

            end++;
        }

        while (end > p + 1 && !tokens[end - 1].IsWord)
        {
            end--;
        }

        return end;
    }

    /// <summary>"là" ends a name ("Văn phòng Sở là đơn vị đầu mối"); "La" of "Sơn La" is capitalised.</summary>
    /// <summary>
    /// A name whose field is written in lower case ("Vụ Cải cách hành chính là đơn vị đầu mối", "Trung tâm Phục vụ hành
    /// chính công chủ trì"): it runs on when, within a few more lower-case words, what the agency does begins.
    /// </summary>
    private static bool StopsWithin(string text, List<TextToken> tokens, int from, int words)
    {
        for (var i = from; i < tokens.Count && i <= from + words; i++)
        {
            if (Stops.Any(stop => Starts(tokens, i, stop)) || IsCopula(text, tokens[i]))
            {
                return true;
            }

            if (!tokens[i].IsWord || !char.IsLower(text[tokens[i].Start]))
            {
                return false;
            }
        }

        return false;
    }

    private static bool IsCopula(string text, TextToken token) => token.IsWord && token.Folded == "la" && char.IsLower(text[token.Start]);

    /// <summary>"Ủy ban nhân dân thành phố Hà Nội, thành phố Hồ Chí Minh và tỉnh Quảng Ninh": one head, several agencies.</summary>
    private static IEnumerable<string> SharedHead(string name)
    {
        var match = SharedHeadPattern().Match(name);
        if (!match.Success)
        {
            return [name];
        }

        var head = match.Groups[1].Value;
        var places = PlaceSplit().Split(match.Groups[2].Value).Where(place => place.Length > 0);
        return places.Select(place => $"{head} {place.Trim()}");
    }

    // Nouns that extend a collective ("Các Sở, ngành, đơn vị", "các cơ quan, đơn vị, địa phương").
    private static readonly string[][] CollectiveNouns =
    [
        ["don", "vi"], ["nganh"], ["ban"], ["co", "quan"], ["dia", "phuong"], ["doan", "the"], ["to", "chuc"], ["so"], ["hoi"],
        ["xa"], ["phuong"], ["dac", "khu"], ["thi", "tran"],
    ];

    private static readonly string[][] GenericTails = [["co", "lien", "quan"], ["lien", "quan"]];

    private static int CollectiveEnd(string text, List<TextToken> tokens, int end)
    {
        while (end + 1 < tokens.Count && tokens[end].Folded == ",")
        {
            var noun = CollectiveNouns.FirstOrDefault(words => Starts(tokens, end + 1, words) && char.IsLower(text[tokens[end + 1].Start]));
            if (noun is null)
            {
                break;
            }

            end += 1 + noun.Length;
        }

        // "các sở, ngành liên quan": the qualifier belongs to the collective.
        var tail = GenericTails.FirstOrDefault(words => Starts(tokens, end, words));
        return tail is null ? end : end + tail.Length;
    }

    private static bool IsCapitalised(string text, TextToken token) => char.IsUpper(text[token.Start]);
}
