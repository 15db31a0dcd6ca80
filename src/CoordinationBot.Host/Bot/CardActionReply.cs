using System.Text.Json.Nodes;
using CoordinationBot.BotFramework.Routing;
using CoordinationBot.BotFramework.Schema;

namespace CoordinationBot.Host.Bot;

/// <summary>
/// Answers a card action: an <c>adaptiveCard/action</c> invoke replaces the card (HTTP 200 with the card response);
/// the Action.Submit fallback gets the card as a reply.
/// </summary>
public static class CardActionReply
{
    public static async Task<InvokeResponse?> WithCardAsync(TurnContext turn, JsonObject card, string text, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        if (turn.Activity.Type == ActivityTypes.Invoke)
        {
            return new InvokeResponse(200, new JsonObject
            {
                ["statusCode"] = 200,
                ["type"] = Attachment.AdaptiveCardContentType,
                ["value"] = card,
            });
        }

        await turn.ReplyWithCardAsync(card, text, cancellationToken);
        return null;
    }

    /// <summary>
    /// Answers a card action with a notice in the chat and leaves the card as it is (an invoke gets Teams' message
    /// response, shown on the card; the Action.Submit fallback gets the notice alone).
    /// </summary>
    public static async Task<InvokeResponse?> KeepingCardAsync(TurnContext turn, string text, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        await turn.ReplyWithCardAsync(Cards.NoticeCard.Create(text), text, cancellationToken);
        return turn.Activity.Type == ActivityTypes.Invoke
            ? new InvokeResponse(200, new JsonObject { ["statusCode"] = 200, ["type"] = "application/vnd.microsoft.activity.message", ["value"] = text })
            : null;
    }

    /// <summary>Answers a card action with a notice card in its place.</summary>
    public static Task<InvokeResponse?> WithNoticeAsync(TurnContext turn, string text, CancellationToken cancellationToken) =>
        WithCardAsync(turn, Cards.NoticeCard.Create(text), text, cancellationToken);
}
