using System.Collections.Frozen;

namespace CoordinationBot.Core.Text;

/// <summary>Splits Vietnamese text into folded words and punctuation tokens, expanding common abbreviations.</summary>
public static class Tokenizer
{
    private static readonly FrozenDictionary<string, string[]> Abbreviations = new Dictionary<string, string[]>
    {
        ["ubnd"] = ["uy", "ban", "nhan", "dan"],
        ["hdnd"] = ["hoi", "dong", "nhan", "dan"],
        ["mttq"] = ["mat", "tran", "to", "quoc"],
        ["ubmttq"] = ["uy", "ban", "mat", "tran", "to", "quoc"],
        ["ubmt"] = ["uy", "ban", "mat", "tran"],
        ["bchqs"] = ["bo", "chi", "huy", "quan", "su"],
        ["bdbp"] = ["bo", "doi", "bien", "phong"],
        ["vhttdl"] = ["van", "hoa", "the", "thao", "va", "du", "lich"],
        ["tt&tt"] = ["thong", "tin", "va", "truyen", "thong"],
        ["tttt"] = ["thong", "tin", "va", "truyen", "thong"],
        ["khcn"] = ["khoa", "hoc", "va", "cong", "nghe"],
        ["gddt"] = ["giao", "duc", "va", "dao", "tao"],
        ["cvp"] = ["chanh", "van", "phong"],
        ["vp"] = ["van", "phong"],
        ["ttdn"] = ["thong", "tin", "doi", "ngoai"],
        ["kh&cn"] = ["khoa", "hoc", "va", "cong", "nghe"],
        ["nn&mt"] = ["nong", "nghiep", "va", "moi", "truong"],
        ["nnmt"] = ["nong", "nghiep", "va", "moi", "truong"],
        ["gd&dt"] = ["giao", "duc", "va", "dao", "tao"],
        ["bql"] = ["ban", "quan", "ly"],
        ["bhxh"] = ["bao", "hiem", "xa", "hoi"],
        ["bhyt"] = ["bao", "hiem", "y", "te"],
        ["kkt"] = ["khu", "kinh", "te"],
        ["kcn"] = ["khu", "cong", "nghiep"],
        ["csdl"] = ["co", "so", "du", "lieu"],
        ["cntt"] = ["cong", "nghe", "thong", "tin"],
        ["cds"] = ["chuyen", "doi", "so"],
        ["cbccvc"] = ["can", "bo", "cong", "chuc", "vien", "chuc"],
        ["hcm"] = ["ho", "chi", "minh"],
        ["tphcm"] = ["thanh", "pho", "ho", "chi", "minh"],
    }.ToFrozenDictionary();

    public static List<TextToken> Tokenize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var tokens = new List<TextToken>();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
                continue;
            }

            if (IsWordChar(c))
            {
                var start = i;
                while (i < text.Length && IsWordChar(text[i]))
                {
                    i++;
                }

                var folded = VietnameseText.Fold(text[start..i]).Replace(" ", string.Empty, StringComparison.Ordinal);
                if (Abbreviations.TryGetValue(folded, out var expansion))
                {
                    tokens.AddRange(expansion.Select(word => new TextToken(word, start, i)));
                }
                else if (folded.Length > 0)
                {
                    tokens.Add(new TextToken(folded, start, i));
                }

                continue;
            }

            tokens.Add(new TextToken(c switch { '–' or '—' => "-", _ => c.ToString() }, i, i + 1));
            i++;
        }

        return tokens;
    }

    private static bool IsWordChar(char c) => char.IsLetterOrDigit(c) || c == '&' || char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.NonSpacingMark;
}
