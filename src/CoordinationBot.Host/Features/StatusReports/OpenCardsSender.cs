using System.Globalization;
using CoordinationBot.BotFramework.Routing;
using CoordinationBot.Core.Plans;
using CoordinationBot.Core.Plans.Import;
using CoordinationBot.Core.StatusReports;
using CoordinationBot.Host.Resources;

namespace CoordinationBot.Host.Features.StatusReports;

/// <summary>
/// Sends into this chat the current card of each open round in which the agency has tasks, with what it saved so far:
/// asked for ("phiếu báo cáo"), or when the bot is installed for an officer of an agency a round could not reach.
/// </summary>
public sealed class OpenCardsSender(IStatusReportStore store, IPlanStore plans, StatusCardQuery cards, PlanReporters reporters)
{
    private const int MaxCards = 10;

    /// <returns>How many cards were sent.</returns>
    public async Task<int> SendAsync(TurnContext turn, string agency, CultureInfo culture, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var sent = 0;
        await foreach (var round in store.ListOpenRoundsAsync(cancellationToken))
        {
            if (!round.IsOfTenant(turn.TenantId))
            {
                continue;
            }

            var plan = await plans.GetAsync(round.PlanKey, round.PlanVersion, cancellationToken);
            var names = plan is null ? [] : reporters.NamesOf(plan.Plan, agency);
            foreach (var name in names)
            {
                if (sent < MaxCards && await cards.LoadAsync(round, name, null, false, cancellationToken) is { Tasks.Count: > 0 } model)
                {
                    await turn.ReplyWithCardAsync(StatusCard.Create(model, culture), $"{BotText.Get("StatusTitle", culture)}: {model.PlanLabel}", cancellationToken);
                    sent++;
                }
            }
        }

        return sent;
    }
}
