using CoordinationBot.Core.Questions;

namespace CoordinationBot.Core.StatusReports;

/// <summary>
/// The focal agency extends a round to a new due date (which also reopens it) or closes it. Every change is recorded
/// in the round's history with who made it.
/// </summary>
public sealed class ChangeRoundHandler(IStatusReportStore store, TimeProvider time)
{
    public async Task<ChangeRoundResult> HandleAsync(PlanCatalog catalog, ChangeRoundRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(request);
        var today = time.Today();
        var (round, problem) = await RoundTarget.FindOpenedAsync(store, catalog, request.PlanText, request.PeriodText, today, cancellationToken, request.PlanKey);
        if (round is null)
        {
            return new ChangeRoundResult(null, problem);
        }

        if (request.Close)
        {
            round = round with { State = RoundState.Closed };
            await store.SaveRoundAsync(round, request.ChangedBy, "closed", cancellationToken);
            return new ChangeRoundResult(round, ChangeRoundProblem.None);
        }

        if (request.NewDue is not { } due || due < today)
        {
            return new ChangeRoundResult(round, ChangeRoundProblem.DueInThePast);
        }

        var change = $"due {round.Due:yyyy-MM-dd} → {due:yyyy-MM-dd}" + (round.State == RoundState.Closed ? ", reopened" : string.Empty);
        round = round with { Due = due, State = RoundState.Open };
        await store.SaveRoundAsync(round, request.ChangedBy, change, cancellationToken);
        return new ChangeRoundResult(round, ChangeRoundProblem.None);
    }
}

public sealed record ChangeRoundRequest(string PlanText, string PeriodText, DateOnly? NewDue, bool Close, string ChangedBy, string? PlanKey = null);

public sealed record ChangeRoundResult(ReportingRound? Round, ChangeRoundProblem Problem);

public enum ChangeRoundProblem
{
    None,
    PlanNotFound,
    RoundNotFound,
    DueInThePast,
}
