using CoordinationBot.BotFramework.Routing;
using CoordinationBot.BotFramework.Schema;
using CoordinationBot.Host.Bot.Plans;
using CoordinationBot.Host.Cards;
using CoordinationBot.Host.Resources;
using CoordinationBot.Host.Workers;
using Microsoft.Extensions.Options;

namespace CoordinationBot.Host.Bot.Consolidation;

/// <summary>"Nhắc các đơn vị chưa báo cáo" on the summary card (focal agency only): reminders go out at once.</summary>
public sealed class RemindNowHandler(ReminderScheduler reminders, IOptions<PlanImportOptions> focal, IOptions<BotLanguageOptions> language) : IActivityHandler
{
    public ActivityRoute Route { get; } = new(ActivityTypes.Invoke, RouteNames.CardVerb(ConsolidationCard.RemindVerb));

    public async Task<InvokeResponse?> HandleAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var culture = language.Value.CultureFor(turn.Activity.Locale);
        string text;
        if (!focal.Value.MayImport(turn.Activity.From?.AadObjectId))
        {
            text = BotText.Get("RoundNotAllowed", culture);
        }
        else
        {
            var sent = turn.Activity.GetCardString("roundId") is { Length: <= 300 } roundId ? await reminders.RemindNowAsync(roundId, cancellationToken) : 0;
            text = sent > 0 ? string.Format(culture, BotText.Get("RemindSent", culture), sent) : BotText.Get("RemindNothing", culture);
        }

        return await CardActionReply.WithCardAsync(turn, NoticeCard.Create(text), text, cancellationToken);
    }
}
