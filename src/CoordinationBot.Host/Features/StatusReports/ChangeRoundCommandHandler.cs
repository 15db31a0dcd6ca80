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
using CoordinationBot.Core.Text;

namespace CoordinationBot.Host.Features.StatusReports;

/// <summary>"gia hạn báo cáo … đến dd/mm/yyyy" and "đóng đợt báo cáo …": the focal agency changes a round.</summary>
public abstract class ChangeRoundCommandHandler(
    ChangeRoundHandler change,
    PlanCatalogSource catalogs,
    PlanCommandGate gate,
    IOptions<BotLanguageOptions> language,
    TimeProvider time,
    string command,
    bool close) : IActivityHandler
{
    public ActivityRoute Route { get; } = new(ActivityTypes.Message, command);

    public async Task<InvokeResponse?> HandleAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var culture = language.Value.CultureFor(turn.Activity.Locale);
        var text = turn.Activity.GetTextWithoutMentions();
        var catalog = await catalogs.GetAsync(cancellationToken);
        if (await gate.ResolveAsync(turn, catalog, command, culture, cancellationToken) is not { } stored)
        {
            return null;
        }

        var due = close ? null : DateReader.ReadAll(text, time.GetUtcNow().Year).LastOrDefault() is var d && d != default ? d : (DateOnly?)null;
        var result = await change.HandleAsync(catalog, new ChangeRoundRequest(turn.Command?.Arguments ?? text, text, due, close, turn.Activity.From?.AadObjectId ?? "?", stored.Key), cancellationToken);
        if (result.Problem != ChangeRoundProblem.None || result.Round is null)
        {
            await turn.ReplyAsync(RoundOpenedText.Problem(result.Problem.ToString(), time.Today(), culture), cancellationToken);
            return null;
        }

        var round = result.Round;
        var plan = catalog.Plans.First(p => p.Key == round.PlanKey).Plan;
        var reply = string.Format(culture, BotText.Get(close ? "RoundClosed" : "RoundExtended", culture), BotText.PeriodLabel(round.Period, culture), plan.Number ?? plan.Title, round.Due.ToVietnameseDate());
        await turn.ReplyAsync(reply, cancellationToken);
        return null;
    }
}

public sealed class ExtendRoundCommandHandler(ChangeRoundHandler change, PlanCatalogSource catalogs, PlanCommandGate gate, IOptions<BotLanguageOptions> language, TimeProvider time)
    : ChangeRoundCommandHandler(change, catalogs, gate, language, time, CommandCatalog.ExtendRound, close: false);

public sealed class CloseRoundCommandHandler(ChangeRoundHandler change, PlanCatalogSource catalogs, PlanCommandGate gate, IOptions<BotLanguageOptions> language, TimeProvider time)
    : ChangeRoundCommandHandler(change, catalogs, gate, language, time, CommandCatalog.CloseRound, close: true);
