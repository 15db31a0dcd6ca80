using System.Text;
using CoordinationBot.Core.Plans;
using CoordinationBot.Core.Plans.Import;

namespace CoordinationBot.Core.StatusReports;

/// <summary>
/// Saves what an agency reports from its status card. Nothing from the card is trusted: the round must accept reports,
/// the person must belong to the agency, every task must be the agency's in the round's plan, every field valid.
/// A report changed by someone else since the card was shown is not overwritten: the submitter is told. The card names
/// its agency, tasks and report versions exactly as the bot wrote them: a differently spelled agency or an ETag the bot
/// never issues ("*", empty, malformed) is refused, so neither can bypass the stale-card check.
/// </summary>
public sealed class SubmitStatusHandler(IStatusReportStore store, IPlanStore plans, PlanReporters reporters, TimeProvider time, ContributionRelay? relay = null)
{
    public const int MaxTextLength = 4000;

    public async Task<SubmitResult> HandleAsync(SubmitStatusRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        // The round as this instance read it a moment ago: the save below is refused if it has changed since.
        var (stored, plan, problem) = await CheckAsync(request, recent: true, cancellationToken);
        if (problem != SubmitProblem.None || stored is null || plan is null)
        {
            return SubmitResult.Refused(problem == SubmitProblem.None ? SubmitProblem.UnknownRound : problem);
        }

        var round = stored.Round;

        var errors = request.Entries.SelectMany(e => Validate(e)).ToList();
        if (errors.Count > 0)
        {
            return new SubmitResult(SubmitOutcome.Invalid, errors, [], round);
        }

        var now = time.GetUtcNow();
        var reports = request.Entries.Select(e => new StatusReport(
            round.Id, request.Agency, e.TaskId, Enum.Parse<ProgressStatus>(e.Status!), int.Parse(e.Percent!, System.Globalization.CultureInfo.InvariantCulture),
            Clean(e.Result), Clean(e.Difficulties), Clean(e.Proposals), request.UserName, now) { Evidence = Clean(e.Evidence) }).ToList();
        var versions = request.Entries.ToDictionary(e => e.TaskId, e => e.ExpectedETag);
        var saved = await store.SaveReportsAsync(reports, versions, request.ActionId, stored.Version, cancellationToken);
        if (saved.RoundChanged)
        {
            // Changed on some instance since this one read it (closed, extended, reopened): checked again as it is now,
            // and saved right after that read, as when nothing is kept.
            (stored, plan, problem) = await CheckAsync(request, recent: false, cancellationToken);
            if (problem != SubmitProblem.None || stored is null || plan is null)
            {
                return SubmitResult.Refused(problem == SubmitProblem.None ? SubmitProblem.UnknownRound : problem);
            }

            round = stored.Round;
            saved = await store.SaveReportsAsync(reports, versions, request.ActionId, null, cancellationToken);
        }

        if (saved.AlreadyHandled)
        {
            return new SubmitResult(SubmitOutcome.Duplicate, [], [], round);
        }

        var conflicts = saved.Conflicts;
        if (conflicts.Count > 0)
        {
            // Pressing again after "thử lại sau" sends the card's old ETags; when the first press was stored although its
            // answer was lost, what is stored already says exactly this, which is no conflict.
            var already = await store.GetReportsAsync(round.Id, request.Agency, cancellationToken);
            conflicts = [.. conflicts.Where(task => !already.Any(s => reports.Any(r => r.TaskId == task && s.Report.SaysTheSameAs(r))))];
        }

        if (conflicts.Count > 0)
        {
            return new SubmitResult(SubmitOutcome.Conflict, [], conflicts, round);
        }

        var missing = relay is null ? [] : await relay.AfterSavedAsync(round, plan.Plan, request.Agency, reports, cancellationToken);
        return new SubmitResult(SubmitOutcome.Saved, [], [], round) { MissingParts = missing, Stored = saved.Stored };
    }

    /// <summary>
    /// What a card's sender may do with it, checked on the server (for a report and for a draft alike): the round takes
    /// reports, the sender's agency is the card's, every task is the agency's, every version is one the bot issued.
    /// </summary>
    public async Task<(ReportingRound? Round, StoredPlan? Plan, SubmitProblem Problem)> CheckAsync(SubmitStatusRequest request, CancellationToken cancellationToken)
    {
        var (stored, plan, problem) = await CheckAsync(request, recent: false, cancellationToken);
        return (stored?.Round, plan, problem);
    }

    /// <summary>The same check; with <paramref name="recent"/> on the round as read a moment ago, but never refused on such a copy.</summary>
    private async Task<(StoredRound? Round, StoredPlan? Plan, SubmitProblem Problem)> CheckAsync(SubmitStatusRequest request, bool recent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var stored = await store.GetRoundToReportAsync(request.RoundId, recent, cancellationToken);
        if (recent && (stored is null || !stored.Round.AcceptsReports(time.Today())))
        {
            stored = await store.GetRoundToReportAsync(request.RoundId, recent: false, cancellationToken);
        }

        if (stored is null)
        {
            return (null, null, SubmitProblem.UnknownRound);
        }

        var round = stored.Round;
        if (!round.AcceptsReports(time.Today()))
        {
            return (stored, null, SubmitProblem.RoundClosed);
        }

        if (request.UserAgency is null)
        {
            return (stored, null, SubmitProblem.UserHasNoAgency);
        }

        var plan = await plans.GetAsync(round.PlanKey, round.PlanVersion, cancellationToken);
        // The card's agency is only believed when it is a name the officer's own agency reports under in this plan.
        if (plan is null || !reporters.NamesOf(plan.Plan, request.UserAgency).Contains(request.Agency, StringComparer.Ordinal))
        {
            return (stored, null, SubmitProblem.NotYourAgency);
        }

        var theirs = reporters.TasksOf(plan.Plan, request.Agency).Select(t => t.Task.Id).ToHashSet(StringComparer.Ordinal);
        if (request.Entries.Count == 0 || request.Entries.Any(e => !theirs.Contains(e.TaskId)))
        {
            return (stored, null, SubmitProblem.TaskNotYours);
        }

        // A task named twice, or a version the bot never issues, came from outside the bot.
        if (request.Entries.DistinctBy(e => e.TaskId).Count() != request.Entries.Count || request.Entries.Any(e => e.ExpectedETag is not null && !ReportVersion.IsIssued(e.ExpectedETag)))
        {
            return (stored, null, SubmitProblem.CardTampered);
        }

        return (stored, plan, SubmitProblem.None);
    }

    /// <summary>The fields' problems; a <paramref name="draft"/> may leave status and percent empty and need not explain a block.</summary>
    public static IEnumerable<FieldError> Validate(StatusEntry entry, bool draft = false)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var status = default(ProgressStatus);
        if ((!draft || !string.IsNullOrWhiteSpace(entry.Status)) && (!Enum.TryParse(entry.Status, out status) || !Enum.IsDefined(status) || int.TryParse(entry.Status, out _)))
        {
            yield return new FieldError(entry.TaskId, "status", FieldProblem.Required);
        }

        if ((!draft || !string.IsNullOrWhiteSpace(entry.Percent)) && (!int.TryParse(entry.Percent, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var percent) || percent is < 0 or > 100))
        {
            yield return new FieldError(entry.TaskId, "percent", FieldProblem.OutOfRange);
        }

        foreach (var (name, value) in new[] { ("result", entry.Result), ("difficulties", entry.Difficulties), ("proposals", entry.Proposals) })
        {
            if (value is { Length: > MaxTextLength })
            {
                yield return new FieldError(entry.TaskId, name, FieldProblem.TooLong);
            }
        }

        if (!string.IsNullOrWhiteSpace(entry.Evidence) && !DocumentCitation.IsValid(entry.Evidence.Trim()))
        {
            yield return new FieldError(entry.TaskId, "evidence", FieldProblem.NotADocument);
        }

        if (!draft && status == ProgressStatus.Blocked && string.IsNullOrWhiteSpace(entry.Difficulties))
        {
            yield return new FieldError(entry.TaskId, "difficulties", FieldProblem.Required);
        }
    }

    /// <summary>Text as typed, without what a Word report, a card or XML cannot hold (noncharacters, lone surrogates, control characters other than line breaks and tabs).</summary>
    public static string Clean(string? text) =>
        Text.VietnameseText.Clean(text ?? string.Empty).Replace("\r", string.Empty, StringComparison.Ordinal).Normalize(NormalizationForm.FormC).Trim();
}

/// <summary>One task's fields as the card sent them (untrusted strings) and the report version the card showed.</summary>
public sealed record StatusEntry(string TaskId, string? Status, string? Percent, string? Result, string? Difficulties, string? Proposals, string? ExpectedETag, string? Evidence = null)
{
    /// <summary>A saved report as a card's fields (no version: it is not what the card will be checked against).</summary>
    public static StatusEntry Of(StatusReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return new(report.TaskId, report.Status.ToString(), report.Percent.ToString(System.Globalization.CultureInfo.InvariantCulture), report.Result, report.Difficulties, report.Proposals, null, report.Evidence);
    }
}

public sealed record SubmitStatusRequest(string RoundId, string Agency, string? UserAgency, string UserName, string ActionId, IReadOnlyList<StatusEntry> Entries);

public sealed record SubmitResult(SubmitOutcome Outcome, IReadOnlyList<FieldError> Errors, IReadOnlyList<string> Conflicts, ReportingRound? Round, SubmitProblem Problem = SubmitProblem.None)
{
    /// <summary>In a chain round, the tasks the agency leads whose supports have not all given their part yet.</summary>
    public IReadOnlyList<TaskContributions> MissingParts { get; init; } = [];

    /// <summary>The reports just saved, with their new versions (the refreshed card need not read them again).</summary>
    public IReadOnlyList<StoredReport> Stored { get; init; } = [];

    public static SubmitResult Refused(SubmitProblem problem) => new(SubmitOutcome.Refused, [], [], null, problem);
}

public sealed record FieldError(string TaskId, string Field, FieldProblem Problem);

public enum SubmitOutcome
{
    Saved,
    Conflict,
    Invalid,
    Duplicate,
    Refused,
}

public enum SubmitProblem
{
    None,
    UnknownRound,
    RoundClosed,
    UserHasNoAgency,
    NotYourAgency,
    TaskNotYours,
    CardTampered,
}

public enum FieldProblem
{
    Required,
    OutOfRange,
    TooLong,
    NotADocument,
}
