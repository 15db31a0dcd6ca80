using System.Globalization;
using CoordinationBot.BotFramework.Routing;
using CoordinationBot.BotFramework.Schema;
using CoordinationBot.Core.Commands;
using CoordinationBot.Core.Evidence;
using CoordinationBot.Core.Plans;
using CoordinationBot.Core.Questions;
using CoordinationBot.Host.Features.Plans;
using CoordinationBot.Host.Resources;
using Microsoft.Extensions.Options;

namespace CoordinationBot.Host.Features.Evidence;

/// <summary>
/// A file sent in chat with "minh chứng III.1.b kế hoạch 21/KH-UBND năm 2026": fetched like a plan file (Teams' file
/// hosts only, 10 MB), checked and kept by the core as evidence of that task for the sender's agency, and acknowledged.
/// </summary>
public sealed class EvidenceUploadHandler(
    AttachEvidenceHandler attach,
    PlanFileDownloader downloader,
    PlanCatalogSource catalogs,
    PlanCommandGate gate,
    IOptions<BotLanguageOptions> language) : IActivityHandler
{
    public ActivityRoute Route { get; } = new(ActivityTypes.Message, RouteNames.FileFor(CommandCatalog.Evidence));

    public async Task<InvokeResponse?> HandleAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var culture = language.Value.CultureFor(turn.Activity.Locale);
        var text = turn.Activity.GetTextWithoutMentions() ?? string.Empty;
        if (TaskNumbers.Find(text) is not var (taskId, planText))
        {
            await turn.ReplyAsync(BotText.Get("Evidence_NoTaskId", culture), cancellationToken);
            return null;
        }

        var (agency, _) = await gate.SenderAsync(turn, cancellationToken);
        var (file, name) = turn.Activity.GetFile()!.Value;
        var download = await downloader.DownloadAsync(file.DownloadUrl!, cancellationToken);
        if (download.Content is not { } content)
        {
            await turn.ReplyAsync(BotText.Get("Download_" + download.Problem, culture), cancellationToken);
            return null;
        }

        var catalog = await catalogs.GetAsync(cancellationToken);
        var request = new AttachEvidenceRequest(taskId, planText, name, content, turn.Activity.From?.AadObjectId ?? "?", turn.Activity.From?.Name, agency);
        var result = await attach.HandleAsync(catalog, request, cancellationToken);
        var label = result.Plan?.Number ?? result.Plan?.Title ?? string.Empty;
        var reply = result.Problem switch
        {
            EvidenceProblem.None => string.Format(culture, BotText.Get("EvidenceSaved", culture), result.File!.FileName, Kilobytes(result.File.Size), result.Task!.Id, label, result.File.Agency, BotText.PeriodLabel(result.Round!.Period, culture)),
            EvidenceProblem.NotYourTask => string.Format(culture, BotText.Get("Evidence_NotYourTask", culture), agency, label, taskId),
            EvidenceProblem.TooLarge => string.Format(culture, BotText.Get("Evidence_TooLarge", culture), EvidenceKinds.MaxBytes / 1024 / 1024),
            EvidenceProblem.NotAccepted => string.Format(culture, BotText.Get("Evidence_NotAccepted", culture), EvidenceKinds.Accepted),
            EvidenceProblem.NoOpenRound => string.Format(culture, BotText.Get("Evidence_NoOpenRound", culture), label),
            _ => BotText.Get("Evidence_" + result.Problem, culture),
        };
        await turn.ReplyAsync(reply, cancellationToken);
        return null;
    }

    private static string Kilobytes(long size) => Math.Max(1, (size + 1023) / 1024).ToString("N0", CultureInfo.GetCultureInfo("vi-VN"));
}
