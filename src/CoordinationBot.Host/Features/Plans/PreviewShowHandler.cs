using CoordinationBot.BotFramework.Routing;
using CoordinationBot.BotFramework.Schema;
using CoordinationBot.Host.Resources;
using Microsoft.Extensions.Options;
using CoordinationBot.Host.Bot;

namespace CoordinationBot.Host.Features.Plans;

/// <summary>"Quay lại bản xem trước" on a correction form: the preview again, with the corrections made on it, and its Lưu / Hủy.</summary>
public sealed class PreviewShowHandler(PendingPreviews previews, IOptions<BotLanguageOptions> language) : IActivityHandler
{
    public ActivityRoute Route { get; } = new(ActivityTypes.Invoke, RouteNames.CardVerb(PlanPreviewCard.ShowVerb));

    public Task<InvokeResponse?> HandleAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var culture = language.Value.CultureFor(turn.Activity.Locale);
        return previews.ActAsync(turn, culture, async loaded =>
        {
            var card = await previews.CardAsync(loaded, culture, null, cancellationToken);
            var plan = loaded.Preview.Plan!;
            return await CardActionReply.WithCardAsync(turn, card, $"{BotText.Get("PreviewTitle", culture)}: {plan.Number ?? plan.Title}", cancellationToken);
        }, cancellationToken);
    }
}
