using CoordinationBot.BotFramework.Routing;
using CoordinationBot.BotFramework.Schema;
using CoordinationBot.Host.Features.Plans;
using CoordinationBot.Host.Cards;
using CoordinationBot.Host.Resources;
using Microsoft.Extensions.Options;
using CoordinationBot.Host.Bot;

namespace CoordinationBot.Host.Features.Consolidation;

/// <summary>"Nhắc các đơn vị chưa báo cáo" on the summary card (focal agency only): reminders go out at once.</summary>
public sealed class RemindNowHandler(CoordinationBot.Core.Reminders.RoundReminders reminders, CoordinationBot.Core.StatusReports.IStatusReportStore store, CoordinationBot.Core.Plans.Import.IPlanStore plans, PlanCommandGate gate, IOptions<BotLanguageOptions> language) : IActivityHandler
{
    public ActivityRoute Route { get; } = new(ActivityTypes.Invoke, RouteNames.CardVerb(ConsolidationCard.RemindVerb));

    public async Task<InvokeResponse?> HandleAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var culture = language.Value.CultureFor(turn.Activity.Locale);
        string text;
        var round = turn.Activity.GetCardString(ConsolidationCard.RoundField) is { Length: <= 300 } roundId ? await store.GetRoundAsync(roundId, cancellationToken) : null;
        var plan = round is null ? null : (await plans.GetAsync(round.PlanKey, round.PlanVersion, cancellationToken))?.Plan;
        if (round is null || plan is null)
        {
            text = BotText.Get("Round_RoundNotFound", culture);
        }
        else if (await gate.RefusalAsync(turn, plan, "report.remind", culture, cancellationToken) is { } refusal)
        {
            text = refusal;
        }
        else
        {
            var result = await reminders.RemindNowAsync(round, plan, cancellationToken);
            text = result.NobodyMissing ? BotText.Get("RemindNothing", culture) : string.Join(' ', Parts(result, culture));
        }

        return await CardActionReply.WithCardAsync(turn, NoticeCard.Create(text), text, cancellationToken);
    }

    private static IEnumerable<string> Parts(CoordinationBot.Core.Reminders.RemindResult result, System.Globalization.CultureInfo culture)
    {
        if (result.Reminded.Count > 0)
        {
            yield return string.Format(culture, BotText.Get("RemindSent", culture), result.Reminded.Count, string.Join("; ", result.Reminded), result.Queued);
        }

        if (result.Unreachable.Count > 0)
        {
            yield return string.Format(culture, BotText.Get("RemindUnreachable", culture), result.Unreachable.Count, string.Join("; ", result.Unreachable));
        }
    }
}
