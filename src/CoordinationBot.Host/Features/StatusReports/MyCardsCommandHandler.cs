using CoordinationBot.BotFramework.Routing;
using CoordinationBot.BotFramework.Schema;
using CoordinationBot.Core.Commands;
using CoordinationBot.Core.People;
using CoordinationBot.Host.Resources;
using Microsoft.Extensions.Options;

namespace CoordinationBot.Host.Features.StatusReports;

/// <summary>
/// "phiếu báo cáo" / "báo cáo của tôi": an officer who lost a card, or whose round was extended, gets the current card
/// of each open round in which their agency has tasks, here in this chat, with what the agency saved so far.
/// </summary>
public sealed class MyCardsCommandHandler(OpenCardsSender sender, AskerAgencyResolver askers, IOptions<BotLanguageOptions> language) : IActivityHandler
{
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

        if (await sender.SendAsync(turn, agency, culture, cancellationToken) == 0)
        {
            await turn.ReplyAsync(string.Format(culture, BotText.Get("MyCardsNone", culture), agency), cancellationToken);
        }

        return null;
    }
}
