using CoordinationBot.BotFramework.Routing;
using CoordinationBot.BotFramework.Schema;
using CoordinationBot.Core.Agencies;
using CoordinationBot.Core.Commands;
using CoordinationBot.Core.People;
using CoordinationBot.Core.Plans.Import;
using CoordinationBot.Core.StatusReports;
using CoordinationBot.Host.Cards;
using CoordinationBot.Host.Resources;
using Microsoft.Extensions.Options;

namespace CoordinationBot.Host.Bot.StatusReports;

/// <summary>
/// "phiếu báo cáo" / "báo cáo của tôi": an officer who lost a card, or whose round was extended, gets the current card
/// of each open round in which their agency has tasks, here in this chat, with what the agency saved so far.
/// </summary>
public sealed class MyCardsCommandHandler(
    IStatusReportStore store,
    IPlanStore plans,
    StatusCardBuilder cards,
    AskerAgencyResolver askers,
    AgencyRegistry registry,
    IOptions<BotLanguageOptions> language) : IActivityHandler
{
    private const int MaxCards = 10;

    public ActivityRoute Route { get; } = new(ActivityTypes.Message, CommandCatalog.MyCards);

    public async Task<InvokeResponse?> HandleAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var culture = language.Value.CultureFor(turn.Activity.Locale);
        var asker = await askers.ResolveAsync(turn.Activity.From?.AadObjectId, cancellationToken);
        if (asker.ConfirmedAgency is not { } agency)
        {
            await turn.ReplyAsync(asker.AwaitsConfirmation ? NotConfirmed.Text(asker, culture) : BotText.Get("MyCardsNoAgency", culture), cancellationToken);
            return null;
        }

        var sent = 0;
        await foreach (var round in store.ListOpenRoundsAsync(cancellationToken))
        {
            if (!round.IsOfTenant(turn.TenantId))
            {
                continue;
            }

            var plan = await plans.GetAsync(round.PlanKey, round.PlanVersion, cancellationToken);
            // The card names the agency as the plan does (a merged department's tasks stay under its old name).
            var names = plan?.Plan.Tasks.SelectMany(t => t.Assignments).Select(a => a.Agency).Where(a => registry.SameAgency(a, agency)).Distinct(StringComparer.Ordinal) ?? [];
            foreach (var name in names)
            {
                if (sent < MaxCards && await cards.LoadAsync(round, name, null, false, cancellationToken) is { Tasks.Count: > 0 } model)
                {
                    await turn.ReplyWithCardAsync(StatusCard.Create(model, culture), $"{BotText.Get("StatusTitle", culture)}: {model.PlanLabel}", cancellationToken);
                    sent++;
                }
            }
        }

        if (sent == 0)
        {
            await turn.ReplyAsync(string.Format(culture, BotText.Get("MyCardsNone", culture), agency), cancellationToken);
        }

        return null;
    }
}
