using System.Text.Json.Nodes;

namespace CoordinationBot.Host.Cards;

/// <summary>The Adaptive Card 1.5 envelope and the few elements our cards share.</summary>
public static class AdaptiveCard
{
    public const string Version = "1.5";

    public static JsonObject Create(JsonArray body, JsonArray? actions = null)
    {
        var card = new JsonObject
        {
            ["type"] = "AdaptiveCard",
            ["$schema"] = "http://adaptivecards.io/schemas/adaptive-card.json",
            ["version"] = Version,
            ["body"] = body,
        };
        if (actions is { Count: > 0 })
        {
            card["actions"] = actions;
        }

        return card;
    }

    public static JsonObject TextBlock(string text, bool heading = false, bool subtle = false) => new()
    {
        ["type"] = "TextBlock",
        ["text"] = text,
        ["wrap"] = true,
        ["weight"] = heading ? "Bolder" : "Default",
        ["size"] = heading ? "Medium" : "Default",
        ["isSubtle"] = subtle,
    };

    /// <summary>A button that sends <paramref name="text"/> as if the user typed it (Teams <c>imBack</c>).</summary>
    public static JsonObject TypeTextAction(string title, string text) => new()
    {
        ["type"] = "Action.Submit",
        ["title"] = title,
        ["data"] = new JsonObject { ["msteams"] = new JsonObject { ["type"] = "imBack", ["value"] = text } },
    };
}
