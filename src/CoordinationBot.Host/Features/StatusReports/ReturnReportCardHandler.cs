using CoordinationBot.BotFramework.Routing;
using CoordinationBot.BotFramework.Schema;
using CoordinationBot.Core.StatusReports;
using CoordinationBot.Host.Features.Plans;
using CoordinationBot.Host.Resources;
using Microsoft.Extensions.Options;
using CoordinationBot.Host.Features.Consolidation;
using CoordinationBot.Host.Bot;

namespace CoordinationBot.Host.Features.StatusReports;

/// <summary>
/// "Yêu cầu bổ sung" on the summary card (focal agency only): the core checks and stores the return and sends the
/// agency's card back with the comment; the focal agency is told who gets it, or why nothing was returned.
/// </summary>
public sealed class ReturnReportCardHandler(ReturnReportHandler returns, PlanCommandGate gate, IOptions<BotLanguageOptions> language) : IActivityHandler
{
    public ActivityRoute Route { get; } = new(ActivityTypes.Invoke, RouteNames.CardVerb(ConsolidationCard.ReturnVerb));

    public async Task<InvokeResponse?> HandleAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var culture = language.Value.CultureFor(turn.Activity.Locale);
        var activity = turn.Activity;
        var (agency, administrator) = await gate.SenderAsync(turn, cancellationToken);
        var request = new ReturnReportRequest(
            activity.GetCardString(ConsolidationCard.RoundField), activity.GetCardString(ConsolidationCard.ReturnAgencyInput), activity.GetCardString(ConsolidationCard.ReturnCommentInput),
            activity.From?.AadObjectId ?? "?", activity.From?.Name, agency, administrator);
        var result = await returns.HandleAsync(request, cancellationToken);
        var text = result.Problem switch
        {
            ReturnProblem.None => string.Format(culture, BotText.Get(result.Queued > 0 ? "ReturnSent" : "ReturnUnreachable", culture), result.Returned!.Agency, result.Queued),
            ReturnProblem.NotAllowed => await gate.RefusalAsync(turn, result.Plan!, ConsolidationCard.ReturnVerb, culture, cancellationToken) ?? BotText.Get("Round_RoundNotFound", culture),
            ReturnProblem.UnknownRound => BotText.Get("Round_RoundNotFound", culture),
            ReturnProblem.NotReported => string.Format(culture, BotText.Get("Return_NotReported", culture), Named(request.Agency)),
            ReturnProblem.CommentTooLong => string.Format(culture, BotText.Get("Return_CommentTooLong", culture), ReturnReportHandler.MaxCommentLength, request.Comment?.Length ?? 0),
            _ => BotText.Get("Return_" + result.Problem, culture),
        };
        return await CardActionReply.KeepingCardAsync(turn, text, cancellationToken);
    }

    private static string Named(string? agency) => agency is { Length: > 0 } name ? Core.Text.VietnameseText.Shorten(name, 150) : "—";
}
