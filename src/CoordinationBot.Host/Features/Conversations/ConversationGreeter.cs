using CoordinationBot.BotFramework.Routing;
using CoordinationBot.BotFramework.Schema;
using CoordinationBot.Core.Commands;
using CoordinationBot.Core.Conversations;
using CoordinationBot.Core.People;
using CoordinationBot.Host.Resources;
using Microsoft.Extensions.Options;
using CoordinationBot.Host.Features.Help;
using CoordinationBot.Host.Bot;

namespace CoordinationBot.Host.Features.Conversations;

/// <summary>What installing and uninstalling do, whichever activity announces it: keep or drop the reference, greet.</summary>
public sealed class ConversationGreeter(
    IConversationReferenceStore references,
    CommandCatalog catalog,
    IOptions<BotLanguageOptions> language,
    TimeProvider time,
    AskerAgencyResolver askers,
    StatusReports.OpenCardsSender openCards,
    ILogger<ConversationGreeter> logger)
{
    public async Task InstalledAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        await RememberAsync(turn, cancellationToken);
        var culture = language.Value.CultureFor(turn.Activity.Locale);
        var lead = BotText.Get("Welcome", culture);
        var greeting = turn.Activity.CreateReply(attachments: [Attachment.AdaptiveCard(HelpCard.Create(catalog, culture, lead))])
            with { ReplyToId = null, Summary = HelpCard.FallbackText(catalog, culture, lead) };
        await turn.Connector.SendToConversationAsync(greeting, cancellationToken);

        // Installed for an officer (by themselves, an administrator, or the bot through Graph when a round could not
        // reach the agency): the cards of the agency's open rounds come right after the greeting.
        if (turn.Activity.Conversation?.ConversationType is null or "personal"
            && (await askers.ResolveAsync(turn.Activity.From?.AadObjectId, cancellationToken)).ConfirmedAgency is { } agency)
        {
            await openCards.SendAsync(turn, agency, culture, cancellationToken);
        }
    }

    public async Task RememberAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        if (turn.Activity.ToConversationReference(time.GetUtcNow()) is { } reference)
        {
            await references.SaveAsync(reference, cancellationToken);
        }
    }

    public async Task UninstalledAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        if (turn.Activity.ToConversationReference(time.GetUtcNow()) is { } reference)
        {
            var removed = await references.RemoveAsync(reference.TenantId, reference.ConversationId, cancellationToken);
            Telemetry.BotLog.Uninstalled(logger, removed);
        }
    }
}
