using System.Globalization;
using CoordinationBot.Core.Plans;
using CoordinationBot.Core.Plans.Import;
using CoordinationBot.Core.StatusReports;

namespace CoordinationBot.Core.Escalation;

/// <summary>
/// A late agency explains (giải trình) why it has not reported and by when it will: checked here — the round exists and is not closed,
/// the sender's agency (as the directory says, never the card) is one the round expects, the reason is there and not too
/// long, the new date is a real date from today on and within a year. Stored append-only.
/// </summary>
public sealed class ExplainHandler(IStatusReportStore store, IExplanationStore explanations, IPlanStore plans, PlanReporters reporters, TimeProvider time)
{
    public const int MaxReasonLength = 1000;

    public async Task<ExplainResult> HandleAsync(ExplainRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var round = request.RoundId is { Length: > 0 and <= 300 } id ? await store.GetRoundAsync(id, cancellationToken) : null;
        var plan = round is null ? null : (await plans.GetAsync(round.PlanKey, round.PlanVersion, cancellationToken))?.Plan;
        if (round is null || plan is null)
        {
            return new(ExplainProblem.UnknownRound, null, null);
        }

        if (round.State != RoundState.Open)
        {
            return new(ExplainProblem.RoundClosed, round, plan);
        }

        var agency = request.SenderAgency is { } sender ? reporters.ReporterAmong(reporters.Expected(plan), sender) : null;
        if (agency is null)
        {
            return new(ExplainProblem.NotExpected, round, plan);
        }

        var reason = SubmitStatusHandler.Clean(request.Reason);
        if (reason.Length == 0)
        {
            return new(ExplainProblem.ReasonRequired, round, plan, Agency: agency);
        }

        if (reason.Length > MaxReasonLength)
        {
            return new(ExplainProblem.ReasonTooLong, round, plan, Agency: agency);
        }

        var today = time.Today();
        if (!DateOnly.TryParseExact(request.NewDate?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            || date < today || date > today.AddYears(1))
        {
            return new(ExplainProblem.BadDate, round, plan, Agency: agency);
        }

        var explanation = new Explanation(round.Id, agency, reason, date, request.SenderId, request.SenderName, time.GetUtcNow());
        await explanations.AddAsync(explanation, cancellationToken);
        return new(ExplainProblem.None, round, plan, explanation, agency);
    }
}

/// <summary>What the card sent (untrusted texts) and who sent it, with the agency the directory gives them.</summary>
public sealed record ExplainRequest(string? RoundId, string? Reason, string? NewDate, string SenderId, string? SenderName, string? SenderAgency);

public sealed record ExplainResult(ExplainProblem Problem, ReportingRound? Round, Plan? Plan, Explanation? Explanation = null, string? Agency = null);

public enum ExplainProblem
{
    None,
    UnknownRound,
    RoundClosed,
    NotExpected,
    ReasonRequired,
    ReasonTooLong,
    BadDate,
}
