using CoordinationBot.BotFramework.Routing;
using CoordinationBot.BotFramework.Schema;
using CoordinationBot.Core.Commands;
using CoordinationBot.Core.Consolidation;
using CoordinationBot.Core.Questions;
using CoordinationBot.Host.Features.Plans;
using CoordinationBot.Host.Resources;
using Microsoft.Extensions.Options;

namespace CoordinationBot.Host.Features.Consolidation;

/// <summary>
/// "tổng hợp &lt;plan&gt; &lt;kỳ&gt;" (focal agency only): the summary card, with the draft report (.docx, in the focal
/// agency's own template when it has one) and the matrix (.xlsx) stored in blob storage behind short-lived signed links.
/// </summary>
public sealed class ConsolidateCommandHandler(
    ConsolidateHandler consolidate,
    PlanCatalogSource catalogs,
    ConsolidationFiles documents,
    FileLinks links,
    PlanCommandGate gate,
    IOptions<BotLanguageOptions> language) : IActivityHandler
{
    public ActivityRoute Route { get; } = new(ActivityTypes.Message, CommandCatalog.Consolidate);

    public async Task<InvokeResponse?> HandleAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var culture = language.Value.CultureFor(turn.Activity.Locale);
        // "… ký thay": a deputy signs on the head's behalf; those words are not part of the plan's name.
        var (deputy, text) = DeputySigning.Read(turn.Activity.GetTextWithoutMentions());
        var (_, arguments) = DeputySigning.Read(turn.Command?.Arguments);
        var catalog = await catalogs.GetAsync(cancellationToken);
        if (await gate.ResolveAsync(turn, catalog, CommandCatalog.Consolidate, culture, cancellationToken, text) is not { } stored)
        {
            return null;
        }

        var summary = await consolidate.HandleAsync(catalog, arguments.Length > 0 ? arguments : text, text, cancellationToken, stored.Key);
        if (summary is null)
        {
            await turn.ReplyAsync(BotText.Get("ConsolidationNoRound", culture), cancellationToken);
            return null;
        }

        summary = summary with { SignedByDeputy = deputy };
        var (word, excel) = await documents.WriteAsync(summary, cancellationToken);
        var card = ConsolidationCard.Create(summary, links.Create(word), links.Create(excel), links.Lifetime, culture, links.Create);
        await turn.ReplyWithCardAsync(card, string.Format(culture, BotText.Get("ConsolidationTitle", culture), summary.Plan.Number ?? summary.Plan.Title), cancellationToken);
        return null;
    }
}
