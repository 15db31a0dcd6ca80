namespace CoordinationBot.Core.Text;

/// <summary>
/// A word (folded) or a punctuation mark, with its span in the original text. Abbreviations expand into several
/// tokens sharing one span ("UBND" → "uy ban nhan dan").
/// </summary>
public readonly record struct TextToken(string Folded, int Start, int End)
{
    public bool IsWord => !string.IsNullOrEmpty(Folded) && char.IsLetterOrDigit(Folded[0]);
}
