using System.Globalization;
using System.Text.Json.Nodes;
using CoordinationBot.BotFramework.Routing;
using CoordinationBot.BotFramework.Schema;
using CoordinationBot.Core.Plans;
using CoordinationBot.Core.Plans.Corrections;
using CoordinationBot.Core.Plans.Import;
using CoordinationBot.Host.Resources;
using CoordinationBot.Host.Bot;

namespace CoordinationBot.Host.Features.Plans;

/// <summary>
/// A preview acted on again ("Lưu", "Sửa nhiệm vụ trước khi lưu"): the guard's checks, then the file fetched again and
/// read again; a file that changed since its preview is forgotten, never stored in place of what was shown.
/// </summary>
public sealed class PendingPreviews(PendingImportGuard guard, IPendingImportStore pending, PlanFileDownloader downloader, ImportPlanHandler import, CorrectedPlanStore plans)
{
    /// <summary>Acts on the preview the card names, or answers with a notice saying why it cannot be.</summary>
    public async Task<InvokeResponse?> ActAsync(TurnContext turn, CultureInfo culture, Func<LoadedPreview, Task<InvokeResponse?>> act, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(act);
        var (loaded, problem) = await LoadAsync(turn, cancellationToken);
        return loaded is null
            ? await CardActionReply.WithNoticeAsync(turn, BotText.Get(problem!, culture), cancellationToken)
            : await act(loaded);
    }

    /// <summary>The preview card again, with the corrections made on it so far and an optional warning.</summary>
    public async Task<JsonObject> CardAsync(LoadedPreview loaded, CultureInfo culture, string? note, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(loaded);
        var current = await plans.WithCorrectionsAsync(loaded.AsPending(), cancellationToken);
        var corrections = await plans.CorrectionsAsync(current.Key, cancellationToken);
        return PlanPreviewCard.Create(current.Plan, loaded.Pending.Id, culture, loaded.Preview.AttachedTo, corrections.Count, note);
    }

    /// <summary>The preview and the file's bytes, or the name of the text that says why not.</summary>
    public async Task<(LoadedPreview? Preview, string? ProblemKey)> LoadAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        var (found, problem) = await guard.ResolveAsync(turn, cancellationToken);
        if (found is null)
        {
            return (null, problem);
        }

        var download = await downloader.DownloadAsync(found.DownloadUrl, cancellationToken);
        if (download.Content is not { } content)
        {
            return (null, "Download_" + download.Problem);
        }

        var preview = import.Preview(content, found.FileName);
        if (!string.Equals(preview.SourceHash, found.SourceHash, StringComparison.Ordinal) || preview.Plan is null)
        {
            await pending.RemoveAsync(found.Id, cancellationToken);
            return (null, "FileChanged");
        }

        return (new LoadedPreview(found, content, preview), null);
    }
}

/// <summary>A pending preview read again: what was sent, its bytes and its reading.</summary>
public sealed record LoadedPreview(PendingImport Pending, byte[] Content, PlanPreview Preview)
{
    /// <summary>The reading as a plan not yet stored, under the key its corrections are kept until "Lưu".</summary>
    public StoredPlan AsPending() => new(
        CoordinationBot.Core.Plans.Corrections.CorrectTaskHandler.PendingKey(Pending.Id), 0, Pending.SourceHash, Pending.FileName, Pending.CreatedAt, Pending.UploaderAadObjectId, Preview.Plan!);
}
