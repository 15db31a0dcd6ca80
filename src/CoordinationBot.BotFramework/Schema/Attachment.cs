using System.Text.Json.Nodes;

namespace CoordinationBot.BotFramework.Schema;

/// <summary>An attachment: a card (<c>content</c>) or a file (<c>contentUrl</c>).</summary>
public sealed record Attachment
{
    public const string AdaptiveCardContentType = "application/vnd.microsoft.card.adaptive";

    public string? ContentType { get; init; }

    public string? ContentUrl { get; init; }

    public JsonNode? Content { get; init; }

    public string? Name { get; init; }

    public static Attachment AdaptiveCard(JsonObject card) => new() { ContentType = AdaptiveCardContentType, Content = card };
}
