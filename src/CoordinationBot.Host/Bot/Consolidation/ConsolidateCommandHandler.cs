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
/// "tổng hợp &lt;plan&gt; &lt;kỳ&gt;" (focal agency only): the summary card, with the draft report (.docx) and the matrix
/// (.xlsx) stored in blob storage behind short-lived signed links.
/// </summary>
public sealed class ConsolidateCommandHandler(
    ConsolidateHandler consolidate,
    PlanCatalogSource catalogs,
    IReportFileStore files,
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
        var text = turn.Activity.GetTextWithoutMentions();
        var catalog = await catalogs.GetAsync(cancellationToken);
        if (await gate.ResolveAsync(turn, catalog, CommandCatalog.Consolidate, culture, cancellationToken) is not { } stored)
        {
            return null;
        }

        var summary = await consolidate.HandleAsync(catalog, turn.Command?.Arguments ?? text, text, cancellationToken, stored.Key);
        if (summary is null)
        {
            await turn.ReplyAsync(BotText.Get("ConsolidationNoRound", culture), cancellationToken);
            return null;
        }

        var baseName = $"bao-cao-{summary.Round.Id.Replace('~', '-')}";
        var place = summary.Plan.Issuer is { } issuer ? Place(issuer) : "…";
        // The two documents are independent: write them side by side.
        var documents = await Task.WhenAll(Task.Run(() => ConsolidationDocument.Write(summary, place), cancellationToken), Task.Run(() => ConsolidationWorkbook.Write(summary), cancellationToken));
        var word = await files.SaveAsync(baseName + ".docx", WordType, documents[0], cancellationToken);
        var excel = await files.SaveAsync(baseName + ".xlsx", ExcelType, documents[1], cancellationToken);
        var card = ConsolidationCard.Create(summary, links.Create(word), links.Create(excel), links.Lifetime, culture);
        await turn.ReplyWithCardAsync(card, string.Format(culture, BotText.Get("ConsolidationTitle", culture), summary.Plan.Number ?? summary.Plan.Title), cancellationToken);
        return null;
    }

    /// <summary>The place in the date line: the locality named in the issuing body ("… TỈNH TUYÊN QUANG" → "Tuyên Quang").</summary>
    private static string Place(string issuer)
    {
        var words = issuer.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var at = Array.FindLastIndex(words, w => w.Equals("TỈNH", StringComparison.OrdinalIgnoreCase) || w.Equals("XÃ", StringComparison.OrdinalIgnoreCase) || w.Equals("PHƯỜNG", StringComparison.OrdinalIgnoreCase));
        var name = at >= 0 && at + 1 < words.Length ? words[(at + 1)..] : [];
        return name.Length == 0 ? "…" : string.Join(' ', name.Select(w => w.Length > 1 ? w[0] + w[1..].ToLower(System.Globalization.CultureInfo.GetCultureInfo("vi-VN")) : w));
    }
}
