using CoordinationBot.BotFramework.Routing;
using CoordinationBot.BotFramework.Schema;
using CoordinationBot.Core.Agencies;
using CoordinationBot.Core.Commands;
using CoordinationBot.Core.Plans;
using CoordinationBot.Core.Plans.Import;
using CoordinationBot.Core.StatusReports;
using CoordinationBot.Host.Features.Plans;
using CoordinationBot.Host.Resources;
using Microsoft.Extensions.Options;

namespace CoordinationBot.Host.Features.StatusReports;

/// <summary>
/// "các đợt báo cáo": the rounds of the plans the sender runs (all of them for an administrator), newest first: plan,
/// period, due date, agencies reported of those expected, open or closed, with buttons to consolidate or close.
/// </summary>
public sealed class RoundsCommandHandler(IStatusReportStore store, IPlanStore plans, PlanCommandGate gate, AgencyRegistry registry, PlanReporters reporters, IOptions<BotLanguageOptions> language) : IActivityHandler
{
    private const int MaxRounds = 15;

    public ActivityRoute Route { get; } = new(ActivityTypes.Message, CommandCatalog.ListRounds);

    public async Task<InvokeResponse?> HandleAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var culture = language.Value.CultureFor(turn.Activity.Locale);
        // The sender's agency is read once; only the rounds shown are counted.
        var mayManage = await gate.ManagerAsync(turn, cancellationToken);
        var shown = new List<(ReportingRound Round, Plan Plan)>();
        await foreach (var round in store.ListRoundsAsync(cancellationToken))
        {
            if (round.IsOfTenant(turn.TenantId) && (await plans.GetAsync(round.PlanKey, round.PlanVersion, cancellationToken))?.Plan is { } plan && mayManage(plan))
            {
                shown.Add((round, plan));
            }
        }

        var rows = new List<RoundRow>();
        foreach (var (round, plan) in shown.OrderByDescending(r => r.Round.OpenedAt).Take(MaxRounds))
        {
            var expected = reporters.Expected(plan);
            var reported = await store.ReportedAgenciesAsync(round.Id, cancellationToken);
            rows.Add(new RoundRow(round, plan, RoundProgress.ReportedCount(expected, reported, registry), expected.Count));
        }

        if (rows.Count == 0)
        {
            await turn.ReplyAsync(BotText.Get("RoundsNone", culture), cancellationToken);
            return null;
        }

        var (card, text) = RoundsCard.Create(rows, culture);
        await turn.ReplyWithCardAsync(card, text, cancellationToken);
        return null;
    }
}
