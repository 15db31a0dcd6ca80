using CoordinationBot.Core.StatusReports;
using CoordinationBot.BotFramework.Routing;
using CoordinationBot.BotFramework.Schema;
using CoordinationBot.Core.Agencies;
using CoordinationBot.Core.People;
using CoordinationBot.Host.Cards;
using CoordinationBot.Host.Resources;
using Microsoft.Extensions.Options;
using CoordinationBot.Host.Bot;

namespace CoordinationBot.Host.Features.StatusReports;

/// <summary>
/// The card's automatic refresh: the viewer gets the latest saved state of their agency's reports. Someone who does
/// not belong to the agency gets a notice instead of another agency's reports.
/// </summary>
public sealed class RefreshStatusCardHandler(StatusCardQuery cards, AskerAgencyResolver askers, AgencyRegistry registry, IOptions<BotLanguageOptions> language) : IActivityHandler
{
    public ActivityRoute Route { get; } = new(ActivityTypes.Invoke, RouteNames.CardVerb(StatusCard.RefreshVerb));

    public async Task<InvokeResponse?> HandleAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var culture = language.Value.CultureFor(turn.Activity.Locale);
        var asker = await askers.ResolveAsync(turn.Activity.From?.AadObjectId, cancellationToken);
        if (StatusCard.ReadTarget(turn.Activity) is not var (roundId, agency) || asker.ConfirmedAgency is null || !registry.SameAgency(asker.ConfirmedAgency, agency))
        {
            var text = asker.AwaitsConfirmation ? NotConfirmed.Text(asker, culture) : BotText.Get("Problem_NotYourAgency", culture);
            return await CardActionReply.WithCardAsync(turn, NoticeCard.Create(text), text, cancellationToken);
        }

        var model = await cards.LoadAsync(roundId, agency, null, false, cancellationToken);
        if (model is null)
        {
            var text = BotText.Get("Problem_UnknownRound", culture);
            return await CardActionReply.WithCardAsync(turn, NoticeCard.Create(text), text, cancellationToken);
        }

        return await CardActionReply.WithCardAsync(turn, StatusCard.Create(model, culture), model.PlanLabel, cancellationToken);
    }
}
