using CoordinationBot.Core.Text;
using System.Globalization;
using System.Text.Json.Nodes;
using CoordinationBot.BotFramework.Routing;
using CoordinationBot.BotFramework.Schema;
using CoordinationBot.Core.Commands;
using CoordinationBot.Core.Plans.Corrections;
using CoordinationBot.Core.Questions;
using CoordinationBot.Host.Resources;
using Microsoft.Extensions.Options;
using CoordinationBot.Host.Bot;

namespace CoordinationBot.Host.Features.Plans;

/// <summary>
/// "Lưu sửa đổi" on the correction form: the core checks the plan, the task, the sender's right and every name; the
/// form comes back with what is now stored, or with what was typed and what to fix. On a file previewed and not yet
/// stored, the preview must still be the sender's own (<see cref="PendingPreviews"/>) and the change waits for "Lưu".
/// </summary>
public sealed class CorrectTaskCardHandler(
    CorrectTaskHandler correct,
    CorrectedPlanStore plans,
    PlanCatalogSource catalogs,
    PlanCommandGate gate,
    PendingPreviews previews,
    IOptions<BotLanguageOptions> language) : IActivityHandler
{
    public ActivityRoute Route { get; } = new(ActivityTypes.Invoke, RouteNames.CardVerb(TaskCorrectionCard.Verb));

    public async Task<InvokeResponse?> HandleAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var culture = language.Value.CultureFor(turn.Activity.Locale);
        var activity = turn.Activity;
        var (agency, administrator) = await gate.SenderAsync(turn, cancellationToken);
        LoadedPreview? loaded = null;
        if (activity.GetCardString(PlanPreviewCard.PendingField) is not null)
        {
            (loaded, var problem) = await previews.LoadAsync(turn, cancellationToken);
            if (loaded is null)
            {
                return await CardActionReply.WithNoticeAsync(turn, BotText.Get(problem!, culture), cancellationToken);
            }
        }

        var request = TaskCorrectionCard.Read(activity, loaded is null ? null : CorrectTaskHandler.PendingKey(loaded.Pending.Id), agency, administrator);
        var result = loaded is null
            ? await correct.HandleAsync(request, cancellationToken)
            : await correct.HandlePendingAsync(request, loaded.AsPending(), cancellationToken);
        switch (result.Problem)
        {
            case CorrectionProblem.UnknownPlan:
                return await CardActionReply.WithNoticeAsync(turn, BotText.Get("Correct_UnknownPlan", culture), cancellationToken);
            case CorrectionProblem.NotAllowed:
                return await CardActionReply.WithNoticeAsync(turn, await gate.RefusalAsync(turn, result.Plan!.Plan, CommandCatalog.CorrectTask, culture, cancellationToken) ?? BotText.Get("Correct_UnknownPlan", culture), cancellationToken);
            case CorrectionProblem.UnknownTask:
                return await CardActionReply.WithNoticeAsync(turn, string.Format(culture, BotText.Get("Correct_UnknownTask", culture), result.Plan!.Plan.Number ?? result.Plan.Plan.Title, request.TaskId), cancellationToken);
        }

        if (result.Outcome == CorrectionOutcome.Saved && loaded is null)
        {
            catalogs.Invalidate();
        }

        var plan = result.Plan!;
        var task = result.Task!;
        var removed = plan.Plan.Tasks.All(t => t.Id != task.Id);
        var history = await plans.CorrectionsAsync(plan.Key, cancellationToken);
        var (note, warning) = result.Outcome switch
        {
            CorrectionOutcome.Saved => (Saved(result, loaded is not null, culture), result.Unknown.Count > 0),
            CorrectionOutcome.Unchanged => (BotText.Get("CorrectUnchanged", culture), false),
            _ => (Problem(result.Problem, culture), true),
        };
        var card = TaskCorrectionCard.Create(plan, task, removed, history, note, warning, culture, loaded?.Pending.Id);
        if (result.Outcome == CorrectionOutcome.Refused)
        {
            // What was typed stays on the form, to be fixed rather than typed again.
            Keep(card, "lead", request.Lead);
            Keep(card, "supports", request.Supports);
            Keep(card, "due", request.Due);
            Keep(card, "notATask", request.NotATask ? "true" : "false");
        }

        return await CardActionReply.WithCardAsync(turn, card, note, cancellationToken);
    }

    private static string Saved(CorrectTaskResult result, bool pending, CultureInfo culture)
    {
        var at = result.Correction!.At.ToVietnameseTime();
        var text = string.Format(culture, BotText.Get(pending ? "CorrectSavedPending" : "CorrectSaved", culture), result.Correction.Sequence, at);
        return result.Unknown.Count == 0 ? text : text + " " + string.Format(culture, BotText.Get("CorrectUnknown", culture), string.Join("; ", result.Unknown));
    }

    private static string Problem(CorrectionProblem problem, CultureInfo culture) => problem == CorrectionProblem.BadAgencyName
        ? string.Format(culture, BotText.Get("Correct_BadAgencyName", culture), CorrectTaskHandler.MaxNameLength, CorrectTaskHandler.MaxAgencies)
        : BotText.Get("Correct_" + problem, culture);

    private static void Keep(JsonObject card, string id, string? value)
    {
        if (card["body"]!.AsArray().FirstOrDefault(e => e?["id"]?.GetValue<string>() == id) is JsonObject input)
        {
            input["value"] = value ?? string.Empty;
        }
    }
}
