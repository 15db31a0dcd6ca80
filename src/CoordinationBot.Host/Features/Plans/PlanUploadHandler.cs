using CoordinationBot.BotFramework.Routing;
using CoordinationBot.BotFramework.Schema;
using CoordinationBot.Core.Plans.Import;
using CoordinationBot.Host.Resources;
using Microsoft.Extensions.Options;

namespace CoordinationBot.Host.Features.Plans;

/// <summary>
/// A focal-agency user sends a plan file in personal chat: the bot reads it and shows a preview card with "Lưu" and
/// "Hủy". Nothing is stored in the registry until "Lưu"; a file that cannot be a plan gets a short reason.
/// </summary>
public sealed class PlanUploadHandler(
    ImportPlanHandler import,
    IPendingImportStore pending,
    PlanFileDownloader downloader,
    IOptions<PlanImportOptions> options,
    IOptions<BotLanguageOptions> language,
    TimeProvider time) : IActivityHandler
{
    public ActivityRoute Route { get; } = new(ActivityTypes.Message, RouteNames.FileMessage);

    public async Task<InvokeResponse?> HandleAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var culture = language.Value.CultureFor(turn.Activity.Locale);
        var user = turn.Activity.From?.AadObjectId;
        if (!options.Value.MayImport(user))
        {
            await turn.ReplyAsync(BotText.Get("PlanNotAllowed", culture), cancellationToken);
            return null;
        }

        var (file, name) = turn.Activity.GetFile()!.Value;
        var download = await downloader.DownloadAsync(file.DownloadUrl!, cancellationToken);
        if (download.Content is not { } content)
        {
            await turn.ReplyAsync(BotText.Get("Download_" + download.Problem, culture), cancellationToken);
            return null;
        }

        var preview = import.Preview(content, name);
        if (preview.Plan is not { } plan)
        {
            await turn.ReplyAsync(BotText.Get("PlanFile_" + preview.Problem, culture), cancellationToken);
            return null;
        }

        var id = Guid.NewGuid().ToString("N");
        await pending.SaveAsync(new PendingImport(id, file.DownloadUrl!, name, preview.SourceHash, user!, time.GetUtcNow()), cancellationToken);
        var card = PlanPreviewCard.Create(plan, id, culture, preview.AttachedTo);
        await turn.ReplyWithCardAsync(card, $"{BotText.Get("PreviewTitle", culture)}: {plan.Number ?? plan.Title}", cancellationToken);
        return null;
    }
}
