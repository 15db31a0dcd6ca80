using CoordinationBot.Core.Text;

namespace CoordinationBot.Core.Consolidation;

/// <summary>"tổng hợp … ký thay" (or "… KT", "… phó giám đốc ký"): the report is signed by a deputy on the head's behalf.</summary>
public static class DeputySigning
{
    private static readonly string[][] Phrases = [["ky", "thay"], ["kt"], ["cap", "pho", "ky"], ["pho", "giam", "doc", "ky"], ["pho", "chu", "tich", "ky"], ["thu", "truong", "ky"]];

    /// <summary>Whether the text asks for it, and the text without those words (so they are not read as the plan's name).</summary>
    public static (bool Deputy, string Others) Read(string? text)
    {
        var words = (text ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        var folded = words.Select(VietnameseText.Fold).ToList();
        for (var i = 0; i < words.Count; i++)
        {
            foreach (var phrase in Phrases)
            {
                if (i + phrase.Length <= words.Count && phrase.Select((p, k) => folded[i + k] == p).All(same => same))
                {
                    words.RemoveRange(i, phrase.Length);
                    return (true, string.Join(' ', words));
                }
            }
        }

        return (false, text ?? string.Empty);
    }
}
