using CoordinationBot.Core.Text;

namespace CoordinationBot.Core.Questions;

/// <summary>Search terms of a text: folded syllables and syllable pairs (Vietnamese words are mostly two syllables).</summary>
public static class TextTerms
{
    private static readonly HashSet<string> Stop =
    [
        "va", "cac", "cua", "cho", "voi", "trong", "tren", "the", "la", "co", "nhung", "nao", "gi", "ai", "de", "tai", "ve", "theo",
        "mot", "so", "duoc", "nay", "do", "khi", "thi", "ma", "hay", "hoac", "tu", "den", "toi", "minh", "chung",
    ];

    public static List<string> Of(string text)
    {
        var words = Tokenizer.Tokenize(text).Where(t => t.IsWord).Select(t => t.Folded).ToList();
        var terms = new List<string>(words.Count * 2);
        for (var i = 0; i < words.Count; i++)
        {
            if (!Stop.Contains(words[i]))
            {
                terms.Add(words[i]);
            }

            if (i + 1 < words.Count)
            {
                terms.Add(words[i] + "_" + words[i + 1]);
            }
        }

        return terms;
    }
}
