using CoordinationBot.BotFramework.Routing;
using CoordinationBot.BotFramework.Schema;
using CoordinationBot.Core.Commands;
using CoordinationBot.Host.Cards;
using CoordinationBot.Host.Resources;
using Microsoft.Extensions.Options;

namespace CoordinationBot.Host.Bot;

/// <summary>Any message no other handler takes: say so, and show what the bot understands.</summary>
public sealed class UnrecognizedMessageHandler(CommandCatalog catalog, IOptions<BotLanguageOptions> language) : IActivityHandler
{
    public ActivityRoute Route { get; } = new(ActivityTypes.Message);

    public async Task<InvokeResponse?> HandleAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var culture = language.Value.CultureFor(turn.Activity.Locale);
        var lead = BotText.Get("NotUnderstood", culture);
        await turn.ReplyWithCardAsync(HelpCard.Create(catalog, culture, lead), HelpCard.FallbackText(catalog, culture, lead), cancellationToken);
        return null;
    }
}
