using CoordinationBot.BotFramework.Routing;
using CoordinationBot.BotFramework.Schema;
using CoordinationBot.Core.Plans.Corrections;
using CoordinationBot.Core.Text;
using CoordinationBot.Host.Resources;
using Microsoft.Extensions.Options;
using CoordinationBot.Host.Bot;

namespace CoordinationBot.Host.Features.Plans;

/// <summary>
/// "Sửa nhiệm vụ trước khi lưu" on a preview: the correction form for the task whose number was typed, as the file
/// reads it with the corrections made on the preview so far. An unknown number brings the preview back, naming it.
/// </summary>
public sealed class PreviewCorrectHandler(PendingPreviews previews, CorrectedPlanStore plans, IOptions<BotLanguageOptions> language) : IActivityHandler
{
    public ActivityRoute Route { get; } = new(ActivityTypes.Invoke, RouteNames.CardVerb(PlanPreviewCard.CorrectVerb));

    public Task<InvokeResponse?> HandleAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var culture = language.Value.CultureFor(turn.Activity.Locale);
        var typed = (turn.Activity.GetCardString(PlanPreviewCard.TaskIdInput) ?? string.Empty).Trim().TrimEnd('.');
        return previews.ActAsync(turn, culture, async loaded =>
        {
            var asRead = loaded.AsPending();
            var task = asRead.Plan.Tasks.FirstOrDefault(t => string.Equals(t.Id, typed, StringComparison.OrdinalIgnoreCase));
            if (task is null)
            {
                var note = typed.Length == 0
                    ? BotText.Get("PreviewCorrectNoId", culture)
                    : string.Format(culture, BotText.Get("PreviewCorrectUnknown", culture), VietnameseText.Shorten(typed, 40));
                return await CardActionReply.WithCardAsync(turn, await previews.CardAsync(loaded, culture, note, cancellationToken), note, cancellationToken);
            }

            var current = await plans.WithCorrectionsAsync(asRead, cancellationToken);
            var shown = current.Plan.Tasks.FirstOrDefault(t => t.Id == task.Id);
            var corrections = await plans.CorrectionsAsync(asRead.Key, cancellationToken);
            var card = TaskCorrectionCard.Create(current, shown ?? task, shown is null, corrections, null, false, culture, loaded.Pending.Id);
            return await CardActionReply.WithCardAsync(turn, card, string.Format(culture, BotText.Get("CorrectTitle", culture), task.Id, current.Plan.Number ?? current.Plan.Title), cancellationToken);
        }, cancellationToken);
    }
}
