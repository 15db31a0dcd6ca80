using CoordinationBot.BotFramework.Routing;
using CoordinationBot.BotFramework.Schema;
using CoordinationBot.Core.Commands;
using CoordinationBot.Core.People;
using CoordinationBot.Host.Bot.Plans;
using CoordinationBot.Host.Cards;
using CoordinationBot.Host.Resources;
using Microsoft.Extensions.Options;

namespace CoordinationBot.Host.Bot.People;

/// <summary>"xác nhận cơ quan" (focal agency only): the officers whose own pick of agency waits for confirmation.</summary>
public sealed class ConfirmAgenciesCommandHandler(IAgencyChoiceStore choices, IOptions<PlanImportOptions> focal, IOptions<BotLanguageOptions> language) : IActivityHandler
{
    public ActivityRoute Route { get; } = new(ActivityTypes.Message, CommandCatalog.ConfirmAgencies);

    public async Task<InvokeResponse?> HandleAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var culture = language.Value.CultureFor(turn.Activity.Locale);
        if (await turn.RefuseUnlessFocalAsync(focal.Value, culture, cancellationToken, "ConfirmNotAllowed"))
        {
            return null;
        }

        var pending = await choices.ListUnconfirmedAsync(cancellationToken);
        await turn.ReplyWithCardAsync(AgencyConfirmationCard.Create(pending, culture, null), BotText.Get("ConfirmTitle", culture), cancellationToken);
        return null;
    }
}
