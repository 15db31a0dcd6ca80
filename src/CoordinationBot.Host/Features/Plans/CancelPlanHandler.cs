using CoordinationBot.BotFramework.Routing;
using CoordinationBot.BotFramework.Schema;
using CoordinationBot.Core.Plans.Import;
using CoordinationBot.Host.Cards;
using CoordinationBot.Host.Resources;
using Microsoft.Extensions.Options;
using CoordinationBot.Host.Bot;

namespace CoordinationBot.Host.Features.Plans;

/// <summary>"Hủy": forgets the preview; nothing was stored.</summary>
public sealed class CancelPlanHandler(PendingImportGuard guard, IPendingImportStore pending, IOptions<BotLanguageOptions> language) : IActivityHandler
{
    public ActivityRoute Route { get; } = new(ActivityTypes.Invoke, RouteNames.CardVerb(PlanPreviewCard.CancelVerb));

    public async Task<InvokeResponse?> HandleAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var culture = language.Value.CultureFor(turn.Activity.Locale);
        var (found, problem) = await guard.ResolveAsync(turn, cancellationToken);
        if (found is not null)
        {
            await pending.RemoveAsync(found.Id, cancellationToken);
        }

        var text = BotText.Get(found is null ? problem! : "Cancelled", culture);
        return await CardActionReply.WithCardAsync(turn, NoticeCard.Create(text), text, cancellationToken);
    }
}
