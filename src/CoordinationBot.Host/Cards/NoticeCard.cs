using System.Text.Json.Nodes;

namespace CoordinationBot.Host.Cards;

/// <summary>A one-line card: the answer to a card action, shown in place of the card that was acted on.</summary>
public static class NoticeCard
{
    public static JsonObject Create(string text) => AdaptiveCard.Create([AdaptiveCard.TextBlock(text)]);
}
