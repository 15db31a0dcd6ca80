using System.Globalization;
using CoordinationBot.Core.Agencies;

namespace CoordinationBot.Core.Plans.Corrections;

/// <summary>
/// The focal agency corrects one task of a plan (lead, supports, due date, not a task). Everything in the request is
/// checked here: the plan and task exist, the sender may run the plan, each agency name is a name; what is unchanged is
/// not stored. Agencies the registry does not know are kept and listed for review, never dropped or guessed.
/// </summary>
public sealed class CorrectTaskHandler(CorrectedPlanStore plans, AgencyRegistry registry, TimeProvider time)
{
    public const int MaxAgencies = 30;
    public const int MaxNameLength = 150;

    public async Task<CorrectTaskResult> HandleAsync(CorrectTaskRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var asRead = request.PlanKey is { Length: > 0 and <= 300 } key ? await plans.AsRead.GetLatestAsync(key, cancellationToken) : null;
        if (asRead is null)
        {
            return CorrectTaskResult.Refused(CorrectionProblem.UnknownPlan);
        }

        var current = (await plans.GetLatestAsync(asRead.Key, cancellationToken))!;
        if (!PlanRights.MayManage(current.Plan, request.SenderAgency, request.Administrator, registry))
        {
            return CorrectTaskResult.Refused(CorrectionProblem.NotAllowed, current);
        }

        return await CorrectAsync(asRead, current, request, cancellationToken);
    }

    /// <summary>
    /// A correction of a file previewed and not yet stored (<see cref="PendingKey"/>): kept apart until "Lưu" adopts it
    /// into the plan's own corrections. Who may make it (the person who sent the file) is checked by the caller.
    /// </summary>
    public async Task<CorrectTaskResult> HandlePendingAsync(CorrectTaskRequest request, StoredPlan preview, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(preview);
        return await CorrectAsync(preview, await plans.WithCorrectionsAsync(preview, cancellationToken), request, cancellationToken);
    }

    /// <summary>The key a previewed file's corrections are kept under until it is stored.</summary>
    public static string PendingKey(string pendingId) => "pending~" + pendingId;

    /// <summary>
    /// "Lưu": the corrections made on the preview become the stored plan's, in the order they were made (a table's task
    /// ids get the <c>PL.</c> of its plan); those of tasks the stored plan does not have are left. Returns how many.
    /// </summary>
    public async Task<int> AdoptPendingAsync(string pendingId, StoredPlan stored, Func<string, string> taskIdInPlan, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stored);
        ArgumentNullException.ThrowIfNull(taskIdInPlan);
        var adopted = 0;
        var asRead = await plans.AsRead.GetAsync(stored.Key, stored.Version, cancellationToken) ?? stored;
        foreach (var correction in await plans.CorrectionsAsync(PendingKey(pendingId), cancellationToken, fresh: true))
        {
            var id = taskIdInPlan(correction.TaskId);
            if (asRead.Plan.Tasks.Any(t => t.Id == id))
            {
                await plans.AddAsync(correction with { PlanKey = stored.Key, Sequence = 0, TaskId = id }, cancellationToken);
                adopted++;
            }
        }

        return adopted;
    }

    private async Task<CorrectTaskResult> CorrectAsync(StoredPlan asRead, StoredPlan current, CorrectTaskRequest request, CancellationToken cancellationToken)
    {
        var readTask = asRead.Plan.Tasks.FirstOrDefault(t => string.Equals(t.Id, request.TaskId, StringComparison.Ordinal));
        if (readTask is null)
        {
            return CorrectTaskResult.Refused(CorrectionProblem.UnknownTask, current);
        }

        var task = current.Plan.Tasks.FirstOrDefault(t => t.Id == readTask.Id);
        var removed = task is null;
        task ??= readTask;
        var lead = Names(request.Lead);
        var supports = Names(request.Supports);
        if (lead is null || supports is null)
        {
            return CorrectTaskResult.Refused(CorrectionProblem.BadAgencyName, current, task);
        }

        var notATask = request.NotATask;
        if (lead.Count == 0 && !notATask)
        {
            return CorrectTaskResult.Refused(CorrectionProblem.LeadRequired, current, task);
        }

        DateOnly? due = null;
        if (!string.IsNullOrWhiteSpace(request.Due))
        {
            if (!TryDate(request.Due.Trim(), out var date))
            {
                return CorrectTaskResult.Refused(CorrectionProblem.BadDate, current, task);
            }

            due = date;
        }

        var change = new TaskChange(
            Lead: Same(task, Role.Lead, lead) ? null : lead,
            Supports: Same(task, Role.Support, supports) ? null : supports,
            Due: due is { } d && d != task.Due ? d : null,
            NotATask: notATask != removed ? notATask : null);
        if (change.IsEmpty)
        {
            return new CorrectTaskResult(CorrectionOutcome.Unchanged, CorrectionProblem.None, current, task, null, []);
        }

        var correction = await plans.AddAsync(
            new PlanCorrection(current.Key, 0, task.Id, change, request.SenderId, request.SenderName, request.SenderAgency, time.GetUtcNow()),
            cancellationToken);
        var corrected = await plans.WithCorrectionsAsync(asRead, cancellationToken);
        var unknown = lead.Concat(supports).Where(n => registry.FindExact(n) is null).Distinct(StringComparer.Ordinal).ToList();
        return new CorrectTaskResult(CorrectionOutcome.Saved, CorrectionProblem.None, corrected, corrected.Plan.Tasks.FirstOrDefault(t => t.Id == task.Id) ?? task, correction, unknown);
    }

    /// <summary>Agency names one per line or separated by ";" (names have commas: "Sở Văn hóa, Thể thao và Du lịch"), known ones in the registry's spelling; null when one is no name.</summary>
    private List<string>? Names(string? text)
    {
        var names = new List<string>();
        foreach (var part in (text ?? string.Empty).Split([';', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var name = string.Join(' ', part.Split(' ', StringSplitOptions.RemoveEmptyEntries));
            if (name.Length > MaxNameLength || !name.Any(char.IsLetter) || name.Any(char.IsControl) || name.Any(c => c is '<' or '>' or '[' or ']' or '*' or '|'))
            {
                return null;
            }

            var known = registry.FindExact(name) is { IsGroup: false } agency ? agency.Name : name;
            if (!names.Contains(known, StringComparer.Ordinal))
            {
                names.Add(known);
            }
        }

        return names.Count > MaxAgencies ? null : names;
    }

    private static bool Same(PlanTask task, Role role, IReadOnlyList<string> names) =>
        task.AgenciesAs(role).SequenceEqual(names, StringComparer.Ordinal);

    private static bool TryDate(string text, out DateOnly date) =>
        (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date)
            || DateOnly.TryParseExact(text, ["d/M/yyyy", "dd/MM/yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out date))
        && date.Year is >= 2000 and <= 2100;
}

/// <summary>A correction as the card sends it: texts as typed, checked by the handler; the sender as the server knows them.</summary>
public sealed record CorrectTaskRequest(
    string? PlanKey,
    string? TaskId,
    string? Lead,
    string? Supports,
    string? Due,
    bool NotATask,
    string SenderId,
    string? SenderName,
    string? SenderAgency,
    bool Administrator);

public enum CorrectionOutcome
{
    Saved,
    Unchanged,
    Refused,
}

public enum CorrectionProblem
{
    None,
    UnknownPlan,
    UnknownTask,
    NotAllowed,
    BadAgencyName,
    LeadRequired,
    BadDate,
}

/// <summary>What happened, the plan and task as they now are, the stored correction, and names not in the registry (to review).</summary>
public sealed record CorrectTaskResult(CorrectionOutcome Outcome, CorrectionProblem Problem, StoredPlan? Plan, PlanTask? Task, PlanCorrection? Correction, IReadOnlyList<string> Unknown)
{
    public static CorrectTaskResult Refused(CorrectionProblem problem, StoredPlan? plan = null, PlanTask? task = null) =>
        new(CorrectionOutcome.Refused, problem, plan, task, null, []);
}
