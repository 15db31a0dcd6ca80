using System.Globalization;
using System.Text;

namespace CoordinationBot.Core.Text;

/// <summary>Normalisation of Vietnamese text for storage (NFC) and for matching (folded: no diacritics, no case).</summary>
public static class VietnameseText
{
    /// <summary>
    /// The text without what XML, a card or Unicode normalisation cannot hold: noncharacters (U+FFFE, U+FFFF,
    /// U+FDD0–U+FDEF), unpaired surrogates and control characters other than tab and line breaks.
    /// </summary>
    public static string Clean(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var clean = true;
        for (var i = 0; i < text.Length && clean; i++)
        {
            clean = Keeps(text, i, out var width);
            i += width - 1;
        }

        if (clean)
        {
            return text;
        }

        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (Keeps(text, i, out var width))
            {
                builder.Append(text, i, width);
            }

            i += width - 1;
        }

        return builder.ToString();
    }

    private static bool Keeps(string text, int i, out int width)
    {
        var c = text[i];
        width = 1;
        if (char.IsHighSurrogate(c))
        {
            if (i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                width = 2;
                var scalar = char.ConvertToUtf32(c, text[i + 1]);
                return (scalar & 0xFFFE) != 0xFFFE;
            }

            return false;
        }

        if (char.IsLowSurrogate(c) || c is '\uFFFE' or '\uFFFF' || (c >= '\uFDD0' && c <= '\uFDEF'))
        {
            return false;
        }

        return !char.IsControl(c) || c is '\t' or '\n' or '\r';
    }

    /// <summary>NFC, single spaces, trimmed. What we store and show.</summary>
    public static string Normalize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var nfc = Clean(text).Normalize(NormalizationForm.FormC);
        var builder = new StringBuilder(nfc.Length);
        var pendingSpace = false;
        foreach (var c in nfc)
        {
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            builder.Append(c);
        }

        return builder.ToString();
    }

    /// <summary>At most <paramref name="max"/> characters: a longer text is cut (no space left before the cut) and ends with "…".</summary>
    public static string Shorten(string text, int max)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Length <= max ? text : text[..(max - 1)].TrimEnd() + "…";
    }

    /// <summary>Lower case, without tone marks or diacritics (đ → d), punctuation turned into spaces. What we compare.</summary>
    public static string Fold(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var decomposed = Clean(text).Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        var pendingSpace = false;
        foreach (var c in decomposed)
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            if (!char.IsLetterOrDigit(c) && c != '&')
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            builder.Append(c switch
            {
                'đ' or 'Đ' => 'd',
                _ => char.ToLowerInvariant(c),
            });
        }

        return builder.ToString();
    }
}
