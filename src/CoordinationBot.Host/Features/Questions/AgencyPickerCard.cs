using System.Globalization;
using System.Text.Json.Nodes;
using CoordinationBot.Core.Agencies;
using CoordinationBot.Host.Resources;
using CoordinationBot.Host.Cards;

namespace CoordinationBot.Host.Features.Questions;

/// <summary>Asks an officer the directory does not know to pick their agency once (a searchable list from the registry).</summary>
public static class AgencyPickerCard
{
    public const string Verb = "directory.pick";
    public const string InputId = "agency";

    public static JsonObject Create(AgencyRegistry registry, CultureInfo culture, string? lead)
    {
        ArgumentNullException.ThrowIfNull(registry);
        var choices = new JsonArray();
        foreach (var agency in Pickable(registry).OrderBy(a => a.Name, StringComparer.Create(culture, ignoreCase: true)))
        {
            choices.Add(new JsonObject { ["title"] = agency.Name, ["value"] = agency.Id });
        }

        var body = new JsonArray();
        if (lead is not null)
        {
            body.Add(AdaptiveCard.TextBlock(lead));
        }

        body.Add(new JsonObject
        {
            ["type"] = "Input.ChoiceSet",
            ["id"] = InputId,
            ["label"] = BotText.Get("PickAgencyPrompt", culture),
            ["style"] = "filtered",
            ["isRequired"] = true,
            ["errorMessage"] = BotText.Get("PickAgencyInvalid", culture),
            ["choices"] = choices,
        });
        var title = BotText.Get("PickAgencyAction", culture);
        return AdaptiveCard.Create(body,
        [
            AdaptiveCard.Execute(title, Verb),
        ]);
    }

    /// <summary>Agencies an officer can belong to: current, single agencies (not groups, not abolished).</summary>
    public static IEnumerable<Agency> Pickable(AgencyRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        return registry.Agencies.Where(a => !a.IsGroup && a.SuccessorId is null && a.Level is not AgencyLevel.Central);
    }
}
