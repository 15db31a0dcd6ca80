using CoordinationBot.BotFramework.Routing;
using CoordinationBot.BotFramework.Schema;
using CoordinationBot.Core.Commands;
using CoordinationBot.Core.Plans;
using CoordinationBot.Core.Plans.Corrections;
using CoordinationBot.Core.Questions;
using CoordinationBot.Host.Resources;
using Microsoft.Extensions.Options;

namespace CoordinationBot.Host.Features.Plans;

/// <summary>"sửa nhiệm vụ III.2.a kế hoạch 21/KH-UBND" (the plan's focal agency): the form to correct how that task was read.</summary>
public sealed class CorrectTaskCommandHandler(
    CorrectedPlanStore plans,
    PlanCatalogSource catalogs,
    PlanCommandGate gate,
    IOptions<BotLanguageOptions> language) : IActivityHandler
{
    public ActivityRoute Route { get; } = new(ActivityTypes.Message, CommandCatalog.CorrectTask);

    public async Task<InvokeResponse?> HandleAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var culture = language.Value.CultureFor(turn.Activity.Locale);
        var text = turn.Activity.GetTextWithoutMentions() ?? string.Empty;
        if (TaskNumbers.Find(text) is not var (typed, planWords))
        {
            await turn.ReplyAsync(BotText.Get("Correct_NoTaskId", culture), cancellationToken);
            return null;
        }

        var catalog = await catalogs.GetAsync(cancellationToken);
        if (await gate.ResolveAsync(turn, catalog, CommandCatalog.CorrectTask, culture, cancellationToken, planWords) is not { } found)
        {
            return null;
        }

        var asRead = await plans.AsRead.GetLatestAsync(found.Key, cancellationToken);
        var current = await plans.GetLatestAsync(found.Key, cancellationToken);
        var task = asRead?.Plan.Tasks.FirstOrDefault(t => string.Equals(t.Id, typed, StringComparison.OrdinalIgnoreCase));
        if (asRead is null || current is null || task is null)
        {
            await turn.ReplyAsync(string.Format(culture, BotText.Get("Correct_UnknownTask", culture), found.Plan.Number ?? found.Plan.Title, typed), cancellationToken);
            return null;
        }

        var shown = current.Plan.Tasks.FirstOrDefault(t => t.Id == task.Id);
        var history = await plans.CorrectionsAsync(found.Key, cancellationToken, fresh: true);
        var card = TaskCorrectionCard.Create(current, shown ?? task, shown is null, history, null, false, culture);
        await turn.ReplyWithCardAsync(card, string.Format(culture, BotText.Get("CorrectTitle", culture), task.Id, found.Plan.Number ?? found.Plan.Title), cancellationToken);
        return null;
    }
}
