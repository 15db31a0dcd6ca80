using CoordinationBot.BotFramework.Routing;
using CoordinationBot.BotFramework.Schema;
using CoordinationBot.Core.Commands;
using CoordinationBot.Host.Resources;
using Microsoft.Extensions.Options;

namespace CoordinationBot.Host.Features.Help;

/// <summary>"trợ giúp" / "help": the help card.</summary>
public sealed class HelpHandler(CommandCatalog catalog, IOptions<BotLanguageOptions> language) : IActivityHandler
{
    public ActivityRoute Route { get; } = new(ActivityTypes.Message, CommandCatalog.Help);

    public async Task<InvokeResponse?> HandleAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var culture = language.Value.CultureFor(turn.Activity.Locale);
        await turn.ReplyWithCardAsync(HelpCard.Create(catalog, culture), HelpCard.FallbackText(catalog, culture), cancellationToken);
        return null;
    }
}
