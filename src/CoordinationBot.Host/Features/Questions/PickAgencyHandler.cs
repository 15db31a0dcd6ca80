using CoordinationBot.BotFramework.Routing;
using CoordinationBot.BotFramework.Schema;
using CoordinationBot.Core.Agencies;
using CoordinationBot.Core.People;
using CoordinationBot.Host.Cards;
using CoordinationBot.Host.Resources;
using Microsoft.Extensions.Options;
using CoordinationBot.Host.Bot;

namespace CoordinationBot.Host.Features.Questions;

/// <summary>
/// Stores the agency an officer picked. The card's value is checked against the registry's pickable agencies;
/// the choice shapes answers but grants no rights until the focal agency confirms it.
/// </summary>
public sealed class PickAgencyHandler(IAgencyChoiceStore choices, AgencyRegistry registry, IOptions<BotLanguageOptions> language) : IActivityHandler
{
    public ActivityRoute Route { get; } = new(ActivityTypes.Invoke, RouteNames.CardVerb(AgencyPickerCard.Verb));

    public async Task<InvokeResponse?> HandleAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var culture = language.Value.CultureFor(turn.Activity.Locale);
        var user = turn.Activity.From?.AadObjectId;
        var id = turn.Activity.GetCardString(AgencyPickerCard.InputId);
        var agency = id is null ? null : AgencyPickerCard.Pickable(registry).FirstOrDefault(a => a.Id == id);
        if (agency is null || string.IsNullOrEmpty(user))
        {
            var invalid = BotText.Get("PickAgencyInvalid", culture);
            return await CardActionReply.WithCardAsync(turn, AgencyPickerCard.Create(registry, culture, invalid), invalid, cancellationToken);
        }

        // A pick (or a re-pick) is the user's word only: it waits for the focal agency to confirm it.
        await choices.SaveAsync(user, new AgencyChoice(agency.Name, user, turn.Activity.From?.Name), cancellationToken);
        var saved = string.Format(culture, BotText.Get("PickAgencySaved", culture), agency.Name);
        return await CardActionReply.WithCardAsync(turn, NoticeCard.Create(saved), saved, cancellationToken);
    }
}
