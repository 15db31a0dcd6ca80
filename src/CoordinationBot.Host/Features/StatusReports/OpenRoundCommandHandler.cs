using CoordinationBot.BotFramework.Routing;
using CoordinationBot.Core;
using CoordinationBot.BotFramework.Schema;
using CoordinationBot.Core.Commands;
using CoordinationBot.Core.Plans.Extraction;
using CoordinationBot.Core.Questions;
using CoordinationBot.Core.StatusReports;
using CoordinationBot.Host.Features.Plans;
using CoordinationBot.Host.Resources;
using Microsoft.Extensions.Options;
using CoordinationBot.Core.Conversations;

namespace CoordinationBot.Host.Features.StatusReports;

/// <summary>
/// "yêu cầu báo cáo &lt;plan&gt; &lt;kỳ&gt; [hạn dd/mm/yyyy]": the focal agency opens a reporting round; the cards go out
/// through the delivery outbox. Only the focal agency's configured officers may do it.
/// </summary>
public sealed class OpenRoundCommandHandler(
    OpenRoundHandler open,
    PlanCatalogSource catalogs,
    PlanCommandGate gate,
    IOptions<BotLanguageOptions> language,
    TimeProvider time,
    UnreachableAgencies unreachable) : IActivityHandler
{
    public ActivityRoute Route { get; } = new(ActivityTypes.Message, CommandCatalog.OpenRound);

    public async Task<InvokeResponse?> HandleAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var culture = language.Value.CultureFor(turn.Activity.Locale);
        var text = turn.Activity.GetTextWithoutMentions();
        var catalog = await catalogs.GetAsync(cancellationToken);
        if (string.IsNullOrWhiteSpace(turn.Command?.Arguments))
        {
            // No plan named: the form, to choose among the plans the sender may run, period, due date and message.
            var mine = await gate.ManageableAsync(turn, catalog, cancellationToken);
            if (mine.Plans.Count == 0)
            {
                await turn.ReplyAsync(BotText.Get("RoundNotAllowed", culture), cancellationToken);
                return null;
            }

            var form = OpenRoundCard.Create(mine, time.Today(), culture);
            await turn.ReplyWithCardAsync(form, BotText.Get("OpenRoundTitle", culture), cancellationToken);
            return null;
        }

        var due = text.Contains("hạn", StringComparison.OrdinalIgnoreCase) || text.Contains("han ", StringComparison.OrdinalIgnoreCase)
            ? DateReader.ReadFirst(text, time.GetUtcNow().Year)
            : null;
        // "… phối hợp gửi chủ trì": a chain round; those words are not part of the plan's name.
        var (mode, others) = ReportingModes.Read(text);
        // "… giải trình sau 5 ngày": when late agencies are asked to explain; not part of the plan's name either.
        var (explainAfter, rest) = CoordinationBot.Core.Escalation.ExplainAfter.Read(others);
        if (await gate.ResolveAsync(turn, catalog, CommandCatalog.OpenRound, culture, cancellationToken, rest) is not { } stored)
        {
            return null;
        }

        var request = new OpenRoundRequest(rest, rest, due, null, turn.Activity.From?.AadObjectId ?? "?", turn.TenantId ?? ConversationReference.NoTenant, stored.Key, mode) { ExplainAfterDays = explainAfter };
        var result = await open.HandleAsync(catalog, request, cancellationToken);
        if (result.Round is not { } round)
        {
            await turn.ReplyAsync(RoundOpenedText.Problem(result.Problem.ToString(), time.Today(), culture), cancellationToken);
            return null;
        }

        var plan = catalog.Plans.First(p => p.Key == round.PlanKey).Plan;
        var reply = (RoundOpenedText.For(result, plan, culture) + " " + await unreachable.ExplainAsync(result.AgenciesWithoutRecipients, culture, cancellationToken)).TrimEnd();

        await turn.ReplyAsync(reply, cancellationToken);
        return null;
    }
}
