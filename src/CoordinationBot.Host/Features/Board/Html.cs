using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace CoordinationBot.Host.Features.Board;

/// <summary>Text and attribute values made safe for HTML, Vietnamese letters kept as they are (only markup characters escaped).</summary>
public static class Html
{
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    public static string Encode(string? text) => Encoder.Encode(text ?? string.Empty);
}
