using CoordinationBot.Core.Agencies;
using CoordinationBot.Core.Plans;
using CoordinationBot.Core.Plans.Import;

namespace CoordinationBot.Core.StatusReports;

/// <summary>
/// The focal agency returns one agency's report with a comment: checked here (the round is open, the sender may run the
/// plan, the agency reported in the round, the comment is there and not too long); the return is stored and the
/// agency's card goes back to its officers, showing the comment, to edit and send again.
/// </summary>
public sealed class ReturnReportHandler(
    IStatusReportStore store,
    IReportReturnStore returns,
    IPlanStore plans,
    AgencyRegistry registry,
    RecipientFinder recipients,
    DeliveryScheduler deliveries,
    TimeProvider time)
{
    public const int MaxCommentLength = 1000;

    public async Task<ReturnReportResult> HandleAsync(ReturnReportRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var round = request.RoundId is { Length: > 0 and <= 300 } id ? await store.GetRoundAsync(id, cancellationToken) : null;
        var plan = round is null ? null : (await plans.GetAsync(round.PlanKey, round.PlanVersion, cancellationToken))?.Plan;
        if (round is null || plan is null)
        {
            return new(ReturnProblem.UnknownRound, null, null);
        }

        if (!PlanRights.MayManage(plan, request.SenderAgency, request.Administrator, registry))
        {
            return new(ReturnProblem.NotAllowed, round, plan);
        }

        if (!round.AcceptsReports(time.Today()))
        {
            return new(ReturnProblem.RoundClosed, round, plan);
        }

        var comment = SubmitStatusHandler.Clean(request.Comment);
        if (comment.Length == 0)
        {
            return new(ReturnProblem.CommentRequired, round, plan);
        }

        if (comment.Length > MaxCommentLength)
        {
            return new(ReturnProblem.CommentTooLong, round, plan);
        }

        // Only a report the round holds can be returned: the card's agency is checked against what was saved (its own rows, not the round's).
        if (request.Agency is not { Length: > 0 and <= 300 } agency || (await store.GetReportsAsync(round.Id, agency, cancellationToken)).Count == 0)
        {
            return new(ReturnProblem.NotReported, round, plan);
        }

        // An administrator returns a report on behalf of the plan's focal agency: the agency sees who asks.
        var returned = new ReportReturn(round.Id, agency, comment, request.SenderId, request.SenderName, request.SenderAgency ?? plan.FocalAgency, time.GetUtcNow());
        await returns.AddAsync(returned, cancellationToken);
        var occasion = "return" + returned.At.UtcTicks.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var queued = 0;
        foreach (var (name, reference) in await recipients.FindAsync(round.TenantId, [agency], cancellationToken))
        {
            queued += await deliveries.QueueAsync(new Delivery(round.Id, name, reference, DeliveryKind.Returned, null, occasion), cancellationToken) ? 1 : 0;
        }

        return new(ReturnProblem.None, round, plan, returned, queued);
    }
}

/// <summary>What the summary card sent (untrusted) and who sent it, as the directory says.</summary>
public sealed record ReturnReportRequest(string? RoundId, string? Agency, string? Comment, string SenderId, string? SenderName, string? SenderAgency, bool Administrator);

/// <summary>The return stored and how many cards went back to the agency's chats (0: nobody of it can be reached).</summary>
public sealed record ReturnReportResult(ReturnProblem Problem, ReportingRound? Round, Plan? Plan, ReportReturn? Returned = null, int Queued = 0);

public enum ReturnProblem
{
    None,
    UnknownRound,
    NotAllowed,
    RoundClosed,
    CommentRequired,
    CommentTooLong,
    NotReported,
}
