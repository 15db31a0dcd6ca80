namespace CoordinationBot.Core.StatusReports;

/// <summary>
/// "Lưu nháp": keeps what the card holds without sending it. The sender's right and the card's tasks are checked as
/// for a report; the fields may still be empty, but what is there must be a status, a percent from 0 to 100 and text
/// within the limits. Nothing of a draft reaches the focal agency.
/// </summary>
public sealed class SaveDraftHandler(SubmitStatusHandler reports, IStatusDraftStore drafts, TimeProvider time)
{
    /// <summary>All of a draft's text together: a draft is kept whole in one table property (64 KiB).</summary>
    public const int MaxDraftLength = 20_000;

    public async Task<SubmitResult> HandleAsync(SubmitStatusRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (round, _, problem) = await reports.CheckAsync(request, cancellationToken);
        if (problem != SubmitProblem.None || round is null)
        {
            return SubmitResult.Refused(problem == SubmitProblem.None ? SubmitProblem.UnknownRound : problem);
        }

        var errors = request.Entries.SelectMany(e => SubmitStatusHandler.Validate(e, draft: true)).ToList();
        if (errors.Count == 0 && request.Entries.Sum(e => (e.Result?.Length ?? 0) + (e.Difficulties?.Length ?? 0) + (e.Proposals?.Length ?? 0) + (e.Evidence?.Length ?? 0)) > MaxDraftLength)
        {
            errors.Add(new FieldError(request.Entries[0].TaskId, "draft", FieldProblem.TooLong));
        }

        if (errors.Count > 0)
        {
            return new SubmitResult(SubmitOutcome.Invalid, errors, [], round);
        }

        var entries = request.Entries.Select(e => e with
        {
            Status = string.IsNullOrWhiteSpace(e.Status) ? null : e.Status,
            Percent = string.IsNullOrWhiteSpace(e.Percent) ? null : e.Percent,
            Result = SubmitStatusHandler.Clean(e.Result),
            Difficulties = SubmitStatusHandler.Clean(e.Difficulties),
            Proposals = SubmitStatusHandler.Clean(e.Proposals),
            Evidence = SubmitStatusHandler.Clean(e.Evidence),
            ExpectedETag = null,
        }).ToList();
        await drafts.SaveAsync(new StatusDraft(round.Id, request.Agency, entries, request.UserName, time.GetUtcNow()), cancellationToken);
        return new SubmitResult(SubmitOutcome.Saved, [], [], round);
    }
}
