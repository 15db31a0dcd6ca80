using CoordinationBot.Core.Text;

namespace CoordinationBot.Core.Agencies;

/// <summary>
/// Reads the agencies a phrase starts with ("Công an tỉnh, Bộ Chỉ huy Quân sự tỉnh, Ban Chỉ huy Bộ đội Biên phòng
/// tỉnh"): known names from the registry first; unknown ones where an agency word begins ("Sở …", "Ban Chỉ huy …",
/// "Các cơ quan …"), so commas inside names ("Sở Văn hóa, Thể thao và Du lịch") do not split them.
/// </summary>
public sealed partial class AgencyListReader(AgencyRegistry registry)
{
    // Folded first words of agency names, and whether the word after must be capitalised ("Ban Chỉ huy", not "Ban hành").
    private static readonly (string[] Words, bool CapitalNext)[] Heads =
    [
        (["so"], true), (["bo"], true), (["ban"], true), (["phong"], true), (["hoi"], true), (["hoi", "dong"], false),
        (["cuc"], true), (["chi", "cuc"], true), (["tong", "cuc"], true), (["vu"], true), (["vien"], true), (["truong"], true), (["dai"], true), (["bao"], true),
        (["cong", "an"], false), (["cong", "thong", "tin"], false), (["kho", "bac"], false), (["ngan", "hang"], false),
        (["trung", "tam"], false), (["van", "phong"], false), (["lien", "hiep"], false), (["lien", "doan"], false),
        (["tinh", "doan"], false), (["doan", "thanh", "nien"], false), (["thanh", "tra"], false), (["toa", "an"], false),
        (["uy", "ban"], false), (["mat", "tran"], false), (["cac", "so"], false), (["cac", "co", "quan"], false),
        (["cac", "don", "vi"], false), (["cac", "to", "chuc"], false), (["cac", "phong"], false), (["cac", "ban"], false),
        (["cac", "hoi"], false), (["cac", "doan", "the"], false), (["cac", "dia", "phuong"], false), (["cac", "bo"], false),
        (["bao", "hiem", "xa", "hoi"], false), (["lien", "minh"], true),
        (["tong", "cong", "ty"], true), (["tap", "doan"], true), (["hiep", "hoi"], true), (["quy"], true),
        (["thong", "tan", "xa"], false), (["kiem", "toan"], false), (["vien", "kiem", "sat"], false), (["dang", "uy"], false),
        (["thanh", "uy"], false), (["tinh", "uy"], false), (["cac", "tinh"], false), (["cac", "xa"], false),
        (["chinh", "phu"], false), (["benh", "vien"], true), (["hoc", "vien"], true), (["chi", "nhanh"], true),
    ];

    // Words that end an unknown agency name: the sentence goes on with what it does.
    private static readonly string[][] Stops =
    [
        ["co", "trach", "nhiem"], ["theo", "chuc", "nang"], ["chu", "tri"], ["phoi", "hop"], ["thuc", "hien"],
        ["trien", "khai"], ["xay", "dung"], ["tham", "muu"], ["tham", "gia"], ["la", "co", "quan"], ["can", "cu"],
        ["de", "tong", "hop"], ["de", "bao", "cao"], ["truoc", "ngay"],
    ];

    /// <summary>The agencies at the start of <paramref name="text"/>, whether it is only a request ("Đề nghị …"), and the text after them.</summary>
    public AgencyList Read(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var tokens = Tokenizer.Tokenize(text);
        var p = 0;
        var requested = false;
        if (Starts(tokens, 0, ["de", "nghi"]))
        {
            requested = true;
            p = 2;
        }

        var names = new List<string>();
        var unknown = new List<string>();
        while (p < tokens.Count)
        {
            p = SkipSeparators(tokens, p);
            if (p >= tokens.Count)
            {
                break;
            }

            var known = registry.MatchAt(tokens, p, tokens.Count);
            if (known is not null)
            {
                var stop = known.Agency.IsGroup ? CollectiveEnd(text, tokens, known.End) : known.End;
                names.Add(stop == known.End ? AgencyRegistry.NameOf(known, tokens, text) : text[tokens[p].Start..tokens[stop - 1].End]);
                p = stop;
                continue;
            }

            if (!IsHeadAt(text, tokens, p))
            {
                break;
            }

            var end = UnknownNameEnd(text, tokens, p);
            if (end < tokens.Count && tokens.Count - end <= 3 && tokens.Skip(end).All(t => t.IsWord && char.IsLower(text[t.Start])) && !Stops.Any(stop => Starts(tokens, end, stop)))
            {
                // A heading that is only a name: "Trung tâm Lưu trữ lịch sử".
                end = tokens.Count;
            }

            var name = text[tokens[p].Start..tokens[end - 1].End].Trim().TrimEnd(',', ';');
            foreach (var each in SharedHead(name))
            {
                names.Add(each);
                unknown.Add(each);
            }

            p = end;
        }

        var rest = p < tokens.Count ? text[tokens[p].Start..].Trim() : string.Empty;
        return new AgencyList(names, unknown, requested, rest);
    }

    public static bool IsHeadAt(string text, IReadOnlyList<TextToken> tokens, int p) => HeadLength(text, tokens, p) > 0;

    /// <summary>How many words of an agency head ("Sở", "Ủy ban nhân dân", "Các cơ quan") start at <paramref name="p"/>; 0 when none.</summary>
    public static int HeadLength(string text, IReadOnlyList<TextToken> tokens, int p)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(tokens);
        foreach (var (words, capitalNext) in Heads)
        {
            if (!Starts(tokens, p, words))
            {
                continue;
            }

            var next = p + words.Length;
            if (!capitalNext || (next < tokens.Count && tokens[next].IsWord && IsCapitalised(text, tokens[next])))
            {
                return words.Length;
            }
        }

        return 0;
    }


    private bool NextIsAgency(string text, List<TextToken> tokens, int p) =>
        p < tokens.Count && (registry.MatchAt(tokens, p, tokens.Count) is not null || IsHeadAt(text, tokens, p));

    private static int SkipSeparators(List<TextToken> tokens, int p)
    {
        while (p < tokens.Count && tokens[p].Folded is "," or ";" or "va" or "-")
        {
            p++;
        }

        return p;
    }

    public static bool Starts(IReadOnlyList<TextToken> tokens, int p, string[] words)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        ArgumentNullException.ThrowIfNull(words);
        if (p + words.Length > tokens.Count)
        {
            return false;
        }

        for (var i = 0; i < words.Length; i++)
        {
            if (tokens[p + i].Folded != words[i])
            {
                return false;
            }
        }

        return true;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^((?:Ủy|Uỷ) ban nhân dân|UBND)\s+((?:thành phố|tỉnh|huyện|quận|thị xã|xã|phường|đặc khu)\s+\p{Lu}.*(?:,|\svà)\s+(?:thành phố|tỉnh|huyện|quận|thị xã|xã|phường|đặc khu)\s+\p{Lu}.*)$")]
    private static partial System.Text.RegularExpressions.Regex SharedHeadPattern();

    [System.Text.RegularExpressions.GeneratedRegex(@",\s*|\s+và\s+")]
    private static partial System.Text.RegularExpressions.Regex PlaceSplit();
}

/// <summary>Agencies read at the start of a phrase (known and unknown), and the rest of the phrase.</summary>
public sealed record AgencyList(IReadOnlyList<string> Names, IReadOnlyList<string> Unknown, bool Requested, string Rest)
{
    /// <summary>The phrase is only agencies: a heading that assigns the items under it.</summary>
    public bool IsHeading => Names.Count > 0 && Rest.Length == 0;

    /// <summary>The phrase starts with agencies and says what they do ("Sở Ngoại vụ có trách nhiệm theo dõi …").</summary>
    public bool IsLeadingSentence => Names.Count > 0 && Rest.Length > 0;
}
