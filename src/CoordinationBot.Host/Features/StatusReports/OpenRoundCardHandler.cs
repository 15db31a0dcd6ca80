using CoordinationBot.BotFramework.Routing;
using CoordinationBot.BotFramework.Schema;
using CoordinationBot.Core;
using CoordinationBot.Core.Questions;
using CoordinationBot.Core.Commands;
using CoordinationBot.Core.StatusReports;
using CoordinationBot.Host.Features.Plans;
using CoordinationBot.Host.Resources;
using Microsoft.Extensions.Options;
using CoordinationBot.Core.Conversations;
using CoordinationBot.Host.Bot;

namespace CoordinationBot.Host.Features.StatusReports;

/// <summary>"Mở đợt báo cáo" on the form: every input is checked against what the form offered before the round opens.</summary>
public sealed class OpenRoundCardHandler(
    OpenRoundHandler open,
    PlanCatalogSource catalogs,
    PlanCommandGate gate,
    IOptions<BotLanguageOptions> language,
    TimeProvider time,
    UnreachableAgencies unreachable) : IActivityHandler
{
    public ActivityRoute Route { get; } = new(ActivityTypes.Invoke, RouteNames.CardVerb(OpenRoundCard.Verb));

    public async Task<InvokeResponse?> HandleAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var culture = language.Value.CultureFor(turn.Activity.Locale);
        var catalog = await catalogs.GetAsync(cancellationToken);
        var today = time.Today();
        var form = OpenRoundCard.Read(turn.Activity, today);
        if (!form.Complete || catalog.Plans.All(p => p.Key != form.PlanKey))
        {
            return await CardActionReply.WithNoticeAsync(turn, BotText.Get("Round_InvalidInput", culture), cancellationToken);
        }

        if (await gate.RefusalAsync(turn, catalog.Plans.First(p => p.Key == form.PlanKey).Plan, CommandCatalog.OpenRound, culture, cancellationToken) is { } refusal)
        {
            return await CardActionReply.WithNoticeAsync(turn, refusal, cancellationToken);
        }

        var request = new OpenRoundRequest(string.Empty, string.Empty, form.Due, form.Message, turn.Activity.From?.AadObjectId ?? "?", turn.TenantId ?? ConversationReference.NoTenant, form.PlanKey, form.Mode)
        {
            ExplainAfterDays = form.ExplainAfterDays,
            Period = form.Period,
        };
        var result = await open.HandleAsync(catalog, request, cancellationToken);
        if (result.Round is not { } round)
        {
            return await CardActionReply.WithNoticeAsync(turn, RoundOpenedText.Problem(result.Problem.ToString(), time.Today(), culture), cancellationToken);
        }

        var plan = catalog.Plans.First(p => p.Key == round.PlanKey).Plan;
        var text = (RoundOpenedText.For(result, plan, culture) + " " + await unreachable.ExplainAsync(result.AgenciesWithoutRecipients, culture, cancellationToken)).TrimEnd();

        return await CardActionReply.WithNoticeAsync(turn, text, cancellationToken);
    }
}
