using System.Text.Json.Nodes;
using CoordinationBot.Host.Cards;

namespace CoordinationBot.Host.Features.Plans;

/// <summary>Which plan? The message, and a button per plan that says the command again with that plan.</summary>
public static class PlanChoiceCard
{
    public static JsonObject Create(string message, IEnumerable<(string Title, string Command)> choices)
    {
        ArgumentNullException.ThrowIfNull(choices);
        var buttons = new JsonArray();
        foreach (var (title, command) in choices)
        {
            buttons.Add(AdaptiveCard.TypeTextAction(title, command));
        }

        return AdaptiveCard.Create([AdaptiveCard.TextBlock(message)], buttons);
    }
}
