using CoordinationBot.BotFramework.Routing;
using CoordinationBot.BotFramework.Schema;
using CoordinationBot.Core.Commands;
using CoordinationBot.Core.People;
using CoordinationBot.Core.Questions;
using CoordinationBot.Host.Features.Plans;
using CoordinationBot.Host.Resources;
using Microsoft.Extensions.Options;

namespace CoordinationBot.Host.Features.People;

/// <summary>
/// "xác nhận cơ quan": the officers whose own pick of agency waits for confirmation, those the sender may confirm
/// (<see cref="PlanCommandGate.ConfirmerAsync"/>).
/// </summary>
public sealed class ConfirmAgenciesCommandHandler(IAgencyChoiceStore choices, PlanCatalogSource catalogs, PlanCommandGate gate, IOptions<BotLanguageOptions> language) : IActivityHandler
{
    public ActivityRoute Route { get; } = new(ActivityTypes.Message, CommandCatalog.ConfirmAgencies);

    public async Task<InvokeResponse?> HandleAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var culture = language.Value.CultureFor(turn.Activity.Locale);
        if (await gate.ConfirmerAsync(turn, await catalogs.GetAsync(cancellationToken), cancellationToken) is not { } mayConfirm)
        {
            await turn.ReplyAsync(BotText.Get("ConfirmNotAllowed", culture), cancellationToken);
            return null;
        }

        var pending = (await choices.ListUnconfirmedAsync(cancellationToken)).Where(p => mayConfirm(p.Choice.Agency)).ToList();
        await turn.ReplyWithCardAsync(AgencyConfirmationCard.Create(pending, culture, null), BotText.Get("ConfirmTitle", culture), cancellationToken);
        return null;
    }
}
