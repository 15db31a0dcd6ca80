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
}
