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

    /// <summary>
    /// Text someone typed (a report, a round's message, a name), shown as it is: text runs are never read as markdown,
    /// so a link or emphasis in it stays plain text. Runs marked bold are ours (an agency's name before a quote).
    /// </summary>
    public static JsonObject PlainText(params (string Text, bool Bold)[] runs)
    {
        ArgumentNullException.ThrowIfNull(runs);
        var inlines = new JsonArray();
        foreach (var (text, bold) in runs)
        {
            inlines.Add(new JsonObject { ["type"] = "TextRun", ["text"] = text, ["weight"] = bold ? "Bolder" : "Default" });
        }

        return new JsonObject { ["type"] = "RichTextBlock", ["inlines"] = inlines };
    }

    /// <summary>A button that sends <paramref name="text"/> as if the user typed it (Teams <c>imBack</c>).</summary>
    public static JsonObject TypeTextAction(string title, string text) => new()
    {
        ["type"] = "Action.Submit",
        ["title"] = title,
        ["data"] = new JsonObject { ["msteams"] = new JsonObject { ["type"] = "imBack", ["value"] = text } },
    };

    /// <summary>One title and value of a FactSet.</summary>
    /// <summary>
    /// An Action.Execute with <paramref name="verb"/> and <paramref name="data"/>, falling back to an Action.Submit that
    /// carries the same data and the verb, for clients without Universal Actions.
    /// </summary>
    public static JsonObject Execute(string title, string verb, JsonObject? data = null)
    {
        var submit = data?.DeepClone().AsObject() ?? [];
        submit["verb"] = verb;
        var action = new JsonObject { ["type"] = "Action.Execute", ["title"] = title, ["verb"] = verb };
        if (data is not null)
        {
            action["data"] = data.DeepClone();
        }

        action["fallback"] = new JsonObject { ["type"] = "Action.Submit", ["title"] = title, ["data"] = submit };
        return action;
    }

    public static JsonObject Fact(string title, string value) => new() { ["title"] = title, ["value"] = value };
}
