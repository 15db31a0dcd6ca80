using CoordinationBot.Core;
using CoordinationBot.BotFramework.Routing;
using CoordinationBot.BotFramework.Schema;
using CoordinationBot.Core.Escalation;
using CoordinationBot.Core.Text;
using CoordinationBot.Host.Features.Plans;
using CoordinationBot.Host.Resources;
using Microsoft.Extensions.Options;
using CoordinationBot.Host.Bot;

namespace CoordinationBot.Host.Features.Escalation;

/// <summary>
/// "Gửi giải trình" on the explanation card: the core checks and stores it for the sender's agency (from the directory);
/// the card says it was received, or comes back as typed with what to fix.
/// </summary>
public sealed class ExplainCardHandler(ExplainHandler explain, PlanCommandGate gate, TimeProvider time, IOptions<BotLanguageOptions> language) : IActivityHandler
{
    public ActivityRoute Route { get; } = new(ActivityTypes.Invoke, RouteNames.CardVerb(ExplanationCard.Verb));

    public async Task<InvokeResponse?> HandleAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var culture = language.Value.CultureFor(turn.Activity.Locale);
        var activity = turn.Activity;
        var (agency, _) = await gate.SenderAsync(turn, cancellationToken);
        var reason = activity.GetCardString(ExplanationCard.ReasonInput);
        var date = activity.GetCardString(ExplanationCard.DateInput);
        var result = await explain.HandleAsync(new ExplainRequest(activity.GetCardString(ExplanationCard.RoundField), reason, date, activity.From?.AadObjectId ?? "?", activity.From?.Name, agency), cancellationToken);
        switch (result.Problem)
        {
            case ExplainProblem.UnknownRound:
                return await CardActionReply.WithNoticeAsync(turn, BotText.Get("Round_RoundNotFound", culture), cancellationToken);
            case ExplainProblem.RoundClosed:
                return await CardActionReply.WithNoticeAsync(turn, string.Format(culture, BotText.Get("Explain_RoundClosed", culture), result.Plan!.FocalAgency ?? result.Plan.Issuer ?? "—"), cancellationToken);
            case ExplainProblem.NotExpected:
                return await CardActionReply.WithNoticeAsync(turn, string.Format(culture, BotText.Get(agency is null ? "Explain_NoAgency" : "Explain_NotExpected", culture), agency, result.Plan!.Number ?? result.Plan.Title), cancellationToken);
        }

        var today = time.Today();
        var request = Features.Reminders.ReminderWording.ExplanationRequest(result.Agency!, result.Round!, result.Plan!, result.Round!.DaysOverdue(today), culture);
        if (result.Explanation is { } saved)
        {
            var done = string.Format(culture, BotText.Get("ExplainSaved", culture), saved.Agency, saved.At.ToVietnameseTime(), saved.NewDate.ToVietnameseDate(), result.Plan!.FocalAgency ?? result.Plan.Issuer ?? "—");
            return await CardActionReply.WithNoticeAsync(turn, done, cancellationToken);
        }

        var note = result.Problem == ExplainProblem.ReasonTooLong
            ? string.Format(culture, BotText.Get("Explain_ReasonTooLong", culture), ExplainHandler.MaxReasonLength, reason?.Length ?? 0)
            : BotText.Get("Explain_" + result.Problem, culture);
        var card = ExplanationCard.Create(result.Round!.Id, request, today, culture, note, warning: true, reason, date);
        return await CardActionReply.WithCardAsync(turn, card, note, cancellationToken);
    }
}
