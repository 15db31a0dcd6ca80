using CoordinationBot.BotFramework.Routing;
using CoordinationBot.BotFramework.Schema;
using CoordinationBot.Core;
using CoordinationBot.Core.Commands;
using CoordinationBot.Core.Questions;
using CoordinationBot.Core.StatusReports;
using CoordinationBot.Host.Features.Plans;
using CoordinationBot.Host.Resources;
using Microsoft.Extensions.Options;

namespace CoordinationBot.Host.Features.StatusReports;

/// <summary>"gửi lại phiếu báo cáo &lt;kế hoạch&gt; &lt;kỳ&gt;" (focal agency only): the round's cards that failed for good or are unconfirmed go out again.</summary>
public sealed class ResendRoundCommandHandler(
    IStatusReportStore store,
    DeliveryScheduler deliveries,
    PlanCatalogSource catalogs,
    PlanCommandGate gate,
    IOptions<BotLanguageOptions> language,
    TimeProvider time) : IActivityHandler
{
    public ActivityRoute Route { get; } = new(ActivityTypes.Message, CommandCatalog.ResendRound);

    public async Task<InvokeResponse?> HandleAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var culture = language.Value.CultureFor(turn.Activity.Locale);
        var text = turn.Command?.Arguments ?? turn.Activity.GetTextWithoutMentions() ?? string.Empty;
        var catalog = await catalogs.GetAsync(cancellationToken);
        if (await gate.ResolveAsync(turn, catalog, CommandCatalog.ResendRound, culture, cancellationToken) is not { } stored)
        {
            return null;
        }

        var (round, problem) = await RoundTarget.FindOpenedAsync(store, catalog, text, text, time.Today(), cancellationToken, stored.Key);
        if (round is null)
        {
            await turn.ReplyAsync(RoundOpenedText.Problem(problem.ToString(), time.Today(), culture), cancellationToken);
            return null;
        }

        var count = await deliveries.ResendFailedAsync(round.Id, cancellationToken);
        var plan = catalog.Plans.First(p => p.Key == round.PlanKey).Plan;
        await turn.ReplyAsync(
            count == 0 ? BotText.Get("ResendNone", culture) : string.Format(culture, BotText.Get("ResendDone", culture), count, BotText.PeriodLabel(round.Period, culture), plan.Number ?? plan.Title),
            cancellationToken);
        return null;
    }
}
