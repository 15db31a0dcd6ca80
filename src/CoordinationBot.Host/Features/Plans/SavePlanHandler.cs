using CoordinationBot.BotFramework.Routing;
using CoordinationBot.BotFramework.Schema;
using CoordinationBot.Core.Plans.Corrections;
using CoordinationBot.Core.Plans.Import;
using CoordinationBot.Host.Resources;
using Microsoft.Extensions.Options;
using CoordinationBot.Host.Bot;

namespace CoordinationBot.Host.Features.Plans;

/// <summary>"Lưu": fetches the previewed file again, checks it is the same bytes, imports it, and adopts the corrections made on the preview.</summary>
public sealed class SavePlanHandler(
    PendingPreviews previews,
    IPendingImportStore pending,
    ImportPlanHandler import,
    CorrectTaskHandler corrections,
    CoordinationBot.Core.Questions.PlanCatalogSource catalogs,
    IOptions<BotLanguageOptions> language) : IActivityHandler
{
    public ActivityRoute Route { get; } = new(ActivityTypes.Invoke, RouteNames.CardVerb(PlanPreviewCard.SaveVerb));

    public Task<InvokeResponse?> HandleAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var culture = language.Value.CultureFor(turn.Activity.Locale);
        return previews.ActAsync(turn, culture, loaded => SaveAsync(turn, loaded, culture, cancellationToken), cancellationToken);
    }

    private async Task<InvokeResponse?> SaveAsync(TurnContext turn, LoadedPreview loaded, System.Globalization.CultureInfo culture, CancellationToken cancellationToken)
    {
        var found = loaded.Pending;
        var result = await import.HandleAsync(new ImportPlanRequest(loaded.Content, found.FileName, found.UploaderAadObjectId), cancellationToken);
        var adopted = result.Plan is { } stored && result.Outcome != ImportOutcome.Refused
            ? await corrections.AdoptPendingAsync(found.Id, stored, id => result.Outcome == ImportOutcome.Attached ? ImportPlanHandler.InAttachment(id) : id, cancellationToken)
            : 0;
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
        if (adopted > 0)
        {
            text += " " + string.Format(culture, BotText.Get("SavedCorrections", culture), adopted);
        }

        if (result.Outcome != ImportOutcome.Refused && result.Plan!.Plan.Number is { } number)
        {
            text += " " + string.Format(culture, BotText.Get("SavedCorrectHint", culture), number);
        }

        return await CardActionReply.WithNoticeAsync(turn, text, cancellationToken);
    }
}
