using System.Globalization;

namespace CoordinationBot.Host.Resources;

/// <summary>
/// Configuration section <c>Language</c>. Officers ask in Vietnamese even when their Teams client runs in English,
/// so answers are Vietnamese unless a deployment chooses to follow the client's locale (English is the second language).
/// </summary>
public sealed class BotLanguageOptions
{
    public const string SectionName = "Language";

    public bool FollowClientLocale { get; set; }

    public CultureInfo CultureFor(string? clientLocale) =>
        BotText.CultureFor(FollowClientLocale ? clientLocale : null);
}
