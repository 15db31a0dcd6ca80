using CoordinationBot.BotFramework.Routing;
using CoordinationBot.BotFramework.Schema;
using CoordinationBot.Core.Commands;
using CoordinationBot.Core.Consolidation;
using CoordinationBot.Core.Questions;
using CoordinationBot.Documents.Reports;
using CoordinationBot.Host.Bot.Plans;
using CoordinationBot.Host.Cards;
using CoordinationBot.Host.Resources;
using Microsoft.Extensions.Options;

namespace CoordinationBot.Host.Bot.Consolidation;

/// <summary>
/// "tổng hợp &lt;plan&gt; &lt;kỳ&gt;" (focal agency only): the summary card, with the draft report (.docx, in the focal
/// agency's own template when it has one) and the matrix (.xlsx) stored in blob storage behind short-lived signed links.
/// </summary>
public sealed class ConsolidateCommandHandler(
    ConsolidateHandler consolidate,
    PlanCatalogSource catalogs,
    IReportFileStore files,
    IReportTemplateStore templates,
    FileLinks links,
    PlanCommandGate gate,
    IOptions<BotLanguageOptions> language) : IActivityHandler
{
    private const string WordType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    private const string ExcelType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

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
        var baseName = $"bao-cao-{summary.Round.Id.Replace('~', '-')}";
        // The two documents are independent: write them side by side.
        // The report issued by the focal agency, in its own template when it has sent one.
        var template = summary.Plan.FocalAgency is { } focal && await templates.GetAsync(focal, cancellationToken) is { } own
            ? (await files.GetAsync(own.FileId, cancellationToken))?.Content
            : null;
        var documents = await Task.WhenAll(Task.Run(() => ConsolidationDocument.Write(summary, template), cancellationToken), Task.Run(() => ConsolidationWorkbook.Write(summary), cancellationToken));
        var word = await files.SaveAsync(baseName + ".docx", WordType, documents[0], cancellationToken);
        var excel = await files.SaveAsync(baseName + ".xlsx", ExcelType, documents[1], cancellationToken);
        var card = ConsolidationCard.Create(summary, links.Create(word), links.Create(excel), links.Lifetime, culture, links.Create);
        await turn.ReplyWithCardAsync(card, string.Format(culture, BotText.Get("ConsolidationTitle", culture), summary.Plan.Number ?? summary.Plan.Title), cancellationToken);
        return null;
    }
}
