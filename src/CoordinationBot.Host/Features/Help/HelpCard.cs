using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using CoordinationBot.Core.Commands;
using CoordinationBot.Host.Resources;
using CoordinationBot.Host.Cards;

namespace CoordinationBot.Host.Features.Help;

/// <summary>What the bot can do: one line per command of the catalog, optionally under a greeting or a notice.</summary>
public static class HelpCard
{
    public static JsonObject Create(CommandCatalog catalog, CultureInfo culture, string? lead = null)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        var body = new JsonArray();
        if (lead is not null)
        {
            body.Add(AdaptiveCard.TextBlock(lead));
        }

        body.Add(AdaptiveCard.TextBlock(BotText.Get("HelpTitle", culture), heading: true));
        body.Add(AdaptiveCard.TextBlock(BotText.Get("HelpIntro", culture)));
        body.Add(AdaptiveCard.TextBlock(BotText.Get("HelpCommandsHeading", culture), heading: false));
        var facts = new JsonArray();
        foreach (var (phrase, description) in Lines(catalog, culture))
        {
            facts.Add(new JsonObject { ["title"] = phrase, ["value"] = description });
        }

        body.Add(new JsonObject { ["type"] = "FactSet", ["facts"] = facts });
        body.Add(AdaptiveCard.TextBlock(BotText.Get("HelpUpload", culture)));
        body.Add(AdaptiveCard.TextBlock(BotText.Get("HelpFooter", culture), subtle: true));
        var help = catalog.Commands.First(command => command.Name == CommandCatalog.Help).Phrases[0];
        return AdaptiveCard.Create(body, [AdaptiveCard.TypeTextAction(BotText.Get("ActionHelp", culture), help)]);
    }

    /// <summary>The card's content as plain text, for notifications and clients that cannot show cards.</summary>
    public static string FallbackText(CommandCatalog catalog, CultureInfo culture, string? lead = null)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        var text = new StringBuilder();
        if (lead is not null)
        {
            text.AppendLine(lead);
        }

        text.AppendLine(BotText.Get("HelpTitle", culture));
        foreach (var (phrase, description) in Lines(catalog, culture))
        {
            text.Append("- ").Append(phrase).Append(": ").AppendLine(description);
        }

        text.AppendLine(BotText.Get("HelpUpload", culture));
        return text.ToString().TrimEnd();
    }

    private static IEnumerable<(string Phrase, string Description)> Lines(CommandCatalog catalog, CultureInfo culture) =>
        catalog.Commands
            .Select(command => (Phrase: command.Phrases[0], Description: BotText.Find("Command_" + command.Name, culture)))
            .Where(line => line.Description is not null)
            .Select(line => (line.Phrase, line.Description!));
}
