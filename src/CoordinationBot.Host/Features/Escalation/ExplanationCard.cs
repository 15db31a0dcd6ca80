using System.Globalization;
using System.Text.Json.Nodes;
using CoordinationBot.Core.Escalation;
using CoordinationBot.Host.Resources;
using CoordinationBot.Host.Cards;

namespace CoordinationBot.Host.Features.Escalation;

/// <summary>
/// "Giải trình": the card that asks a late agency why it has not reported and by when it will — the reason and the new
/// date, both required. The round is in the card's data; who explains is taken from the sender, never from the card.
/// </summary>
public static class ExplanationCard
{
    public const string Verb = "report.explain";
    public const string ReasonInput = "reason";
    public const string DateInput = "newDate";
    public const string RoundField = "roundId";

    /// <summary>
    /// The form for <paramref name="roundId"/>, asking <paramref name="request"/> (the reminders' wording), with an optional
    /// note (what to fix, when <paramref name="warning"/>) and the reason and date as typed, kept.
    /// </summary>
    public static JsonObject Create(string roundId, string request, DateOnly today, CultureInfo culture, string? note = null, bool warning = true, string? reason = null, string? date = null)
    {
        ArgumentNullException.ThrowIfNull(roundId);
        string T(string name) => BotText.Get(name, culture);
        var body = new JsonArray
        {
            AdaptiveCard.TextBlock(T("ExplainTitle"), heading: true),
            AdaptiveCard.TextBlock(request),
        };
        if (note is not null)
        {
            var block = AdaptiveCard.TextBlock(note);
            block["color"] = warning ? "Attention" : "Good";
            body.Add(block);
        }

        body.Add(new JsonObject
        {
            ["type"] = "Input.Text", ["id"] = ReasonInput, ["label"] = T("ExplainReason"), ["isMultiline"] = true, ["isRequired"] = true,
            ["maxLength"] = ExplainHandler.MaxReasonLength, ["errorMessage"] = T("Explain_ReasonRequired"), ["value"] = reason ?? string.Empty,
        });
        var dateInput = new JsonObject
        {
            ["type"] = "Input.Date", ["id"] = DateInput, ["label"] = T("ExplainNewDate"), ["isRequired"] = true,
            ["min"] = today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), ["errorMessage"] = T("Explain_BadDate"),
        };
        if (!string.IsNullOrEmpty(date))
        {
            dateInput["value"] = date;
        }

        body.Add(dateInput);
        var title = T("ExplainSend");
        return AdaptiveCard.Create(body, [AdaptiveCard.Execute(title, Verb, new JsonObject { [RoundField] = roundId })]);
    }
}
