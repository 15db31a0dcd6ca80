using CoordinationBot.BotFramework.Routing;
using CoordinationBot.BotFramework.Schema;
using CoordinationBot.Core.Plans.Import;
using CoordinationBot.Host.Cards;
using CoordinationBot.Host.Resources;
using Microsoft.Extensions.Options;

namespace CoordinationBot.Host.Bot.Plans;

/// <summary>"Lưu": fetches the previewed file again, checks it is the same bytes, and imports it.</summary>
public sealed class SavePlanHandler(
    PendingImportGuard guard,
    IPendingImportStore pending,
    PlanFileDownloader downloader,
    ImportPlanHandler import,
    CoordinationBot.Core.Questions.PlanCatalogSource catalogs,
    IOptions<BotLanguageOptions> language) : IActivityHandler
{
    public ActivityRoute Route { get; } = new(ActivityTypes.Invoke, RouteNames.CardVerb(PlanPreviewCard.SaveVerb));

    public async Task<InvokeResponse?> HandleAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var culture = language.Value.CultureFor(turn.Activity.Locale);
        var (found, problem) = await guard.ResolveAsync(turn, cancellationToken);
        if (found is null)
        {
            return await Notice(turn, BotText.Get(problem!, culture), cancellationToken);
        }

        var download = await downloader.DownloadAsync(found.DownloadUrl, cancellationToken);
        if (download.Content is not { } content)
        {
            return await Notice(turn, BotText.Get("Download_" + download.Problem, culture), cancellationToken);
        }

        if (!string.Equals(import.Preview(content, found.FileName).SourceHash, found.SourceHash, StringComparison.Ordinal))
        {
            await pending.RemoveAsync(found.Id, cancellationToken);
            return await Notice(turn, BotText.Get("FileChanged", culture), cancellationToken);
        }

        var result = await import.HandleAsync(new ImportPlanRequest(content, found.FileName, found.UploaderAadObjectId), cancellationToken);
        await pending.RemoveAsync(found.Id, cancellationToken);
        catalogs.Invalidate();
        var text = result.Outcome switch
        {
            ImportOutcome.Refused => string.Format(culture, BotText.Get("PlanFile_" + result.Problem, culture), result.PlanNumber),
            ImportOutcome.Attached => string.Format(culture, BotText.Get("SavedAttachment", culture), result.Added, result.PlanNumber, result.Plan!.Version)
                + (result.Removed.Count > 0 ? " " + string.Format(culture, BotText.Get("SavedAttachmentRemoved", culture), result.Removed.Count, string.Join(", ", result.Removed)) : string.Empty),
            ImportOutcome.Unchanged => string.Format(culture, BotText.Get("SavedUnchanged", culture), result.Plan!.Version),
            _ => string.Format(culture, BotText.Get("Saved", culture), result.Plan!.Plan.Number ?? result.Plan.Plan.Title, result.Plan.Version, result.Plan.Plan.Tasks.Count),
        };
        if (result.Outcome != ImportOutcome.Refused && result.Plan!.Plan.Number is { } number)
        {
            text += " " + string.Format(culture, BotText.Get("SavedCorrectHint", culture), number);
        }
        return await Notice(turn, text, cancellationToken);
    }

    private static Task<InvokeResponse?> Notice(TurnContext turn, string text, CancellationToken cancellationToken) =>
        CardActionReply.WithCardAsync(turn, NoticeCard.Create(text), text, cancellationToken);
}
