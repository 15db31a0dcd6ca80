using CoordinationBot.Core.Consolidation;
using CoordinationBot.Core.Plans;
using CoordinationBot.Core.Questions;
using CoordinationBot.Core.StatusReports;

namespace CoordinationBot.Core.Evidence;

/// <summary>
/// An officer sends a file as evidence of a task ("minh chứng III.1.b kế hoạch 21/KH-UBND năm 2026"): checked here — the
/// plan and its round exist and take reports, the task is one of the sender's agency's (as the directory says), the
/// file is an accepted kind and size — then kept in blob storage and recorded beside the agency's report.
/// </summary>
public sealed class AttachEvidenceHandler(IStatusReportStore store, IEvidenceFileStore evidence, IReportFileStore files, PlanReporters reporters, TimeProvider time)
{
    public const int MaxFileNameLength = 150;

    public async Task<AttachEvidenceResult> HandleAsync(PlanCatalog catalog, AttachEvidenceRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(request);
        if (request.SenderAgency is null)
        {
            return new(EvidenceProblem.NoAgency);
        }

        var today = time.Today();
        if (RoundTarget.Resolve(catalog, request.PlanText, request.PlanText, today) is not { } target)
        {
            return new(EvidenceProblem.UnknownPlan);
        }

        var (plan, period) = target;
        var round = await store.GetRoundAsync(ReportingRound.IdFor(plan.Key, period), cancellationToken);
        if (round is null || !round.AcceptsReports(today))
        {
            return new(EvidenceProblem.NoOpenRound, plan.Plan);
        }

        var reporter = reporters.ReporterAmong(reporters.Expected(plan.Plan), request.SenderAgency);
        var task = reporter is null ? null : reporters.TasksOf(plan.Plan, reporter).Select(t => t.Task).FirstOrDefault(t => string.Equals(t.Id, request.TaskId?.Trim().TrimEnd('.'), StringComparison.OrdinalIgnoreCase));
        if (task is null)
        {
            return new(EvidenceProblem.NotYourTask, plan.Plan, round);
        }

        if (request.Content.Length > EvidenceKinds.MaxBytes)
        {
            return new(EvidenceProblem.TooLarge, plan.Plan, round, task);
        }

        var name = Path.GetFileName(SubmitStatusHandler.Clean(request.FileName));
        var type = EvidenceKinds.ContentTypeOf(name, request.Content.Span);
        if (type is null || name.Length is 0 or > MaxFileNameLength)
        {
            return new(EvidenceProblem.NotAccepted, plan.Plan, round, task);
        }

        var id = await files.SaveAsync(name, type, request.Content.ToArray(), cancellationToken);
        var file = new EvidenceFile(round.Id, reporter!, task.Id, id, name, request.Content.Length, request.SenderId, request.SenderName, time.GetUtcNow());
        await evidence.AddAsync(file, cancellationToken);
        return new(EvidenceProblem.None, plan.Plan, round, task, file);
    }
}

/// <summary>What the officer sent: the file, the words with it (task number and plan), and who they are as the directory says.</summary>
public sealed record AttachEvidenceRequest(string? TaskId, string PlanText, string FileName, ReadOnlyMemory<byte> Content, string SenderId, string? SenderName, string? SenderAgency);

public sealed record AttachEvidenceResult(EvidenceProblem Problem, Plan? Plan = null, ReportingRound? Round = null, PlanTask? Task = null, EvidenceFile? File = null);

public enum EvidenceProblem
{
    None,
    NoAgency,
    UnknownPlan,
    NoOpenRound,
    NotYourTask,
    TooLarge,
    NotAccepted,
}
