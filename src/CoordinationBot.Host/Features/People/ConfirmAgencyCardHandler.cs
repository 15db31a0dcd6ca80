using CoordinationBot.BotFramework.Routing;
using CoordinationBot.BotFramework.Schema;
using CoordinationBot.Core.People;
using CoordinationBot.Core.Questions;
using CoordinationBot.Host.Features.Plans;
using CoordinationBot.Host.Cards;
using CoordinationBot.Host.Resources;
using Microsoft.Extensions.Options;
using CoordinationBot.Host.Bot;

namespace CoordinationBot.Host.Features.People;

/// <summary>
/// "Xác nhận" on the confirmation list: checked on the server (administrators, or the focal agency of a plan that assigns the agency); the user's stored choice must still
/// be the agency the card showed, so a re-pick after the list was shown is not confirmed by it.
/// </summary>
public sealed class ConfirmAgencyCardHandler(IAgencyChoiceStore choices, PlanCatalogSource catalogs, PlanCommandGate gate, IOptions<BotLanguageOptions> language) : IActivityHandler
{
    public ActivityRoute Route { get; } = new(ActivityTypes.Invoke, RouteNames.CardVerb(AgencyConfirmationCard.Verb));

    public async Task<InvokeResponse?> HandleAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var culture = language.Value.CultureFor(turn.Activity.Locale);
        var officer = turn.Activity.From?.AadObjectId;
        var user = turn.Activity.GetCardString(AgencyConfirmationCard.UserField);
        var agency = turn.Activity.GetCardString(AgencyConfirmationCard.AgencyField);
        var mayConfirm = await gate.ConfirmerAsync(turn, await catalogs.GetAsync(cancellationToken), cancellationToken);
        if (mayConfirm is null || agency is null || !mayConfirm(agency))
        {
            var refused = BotText.Get("ConfirmNotAllowed", culture);
            return await CardActionReply.WithCardAsync(turn, NoticeCard.Create(refused), refused, cancellationToken);
        }

        var stored = user is null ? null : await choices.GetAsync(user, cancellationToken);
        var confirmed = stored is not null && agency is not null && await choices.ConfirmAsync(user!, agency, officer!, cancellationToken);
        var note = confirmed
            ? string.Format(culture, BotText.Get("ConfirmDone", culture), stored!.UserName ?? user, agency)
            : BotText.Get("ConfirmChanged", culture);
        var pending = (await choices.ListUnconfirmedAsync(cancellationToken)).Where(p => mayConfirm(p.Choice.Agency)).ToList();
        return await CardActionReply.WithCardAsync(turn, AgencyConfirmationCard.Create(pending, culture, note), note, cancellationToken);
    }
}
