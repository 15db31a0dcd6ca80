using System.Security.Cryptography;
using System.Text.RegularExpressions;
using CoordinationBot.Core.Plans.Extraction;
using CoordinationBot.Core.Text;

namespace CoordinationBot.Core.Plans.Import;

/// <summary>
/// Imports a plan file into the registry. The same bytes again change nothing; a changed file becomes a new version
/// and the old one is kept. A file that is not a plan is refused with the reason, and nothing is stored. An assignment
/// table sent on its own ("Biểu phân công nhiệm vụ (Kèm theo Kế hoạch số 62/KH-UBND …)", often an .xlsx) becomes a new
/// version of that plan with the table's tasks as its attachment's (<c>PL.</c> ids); the plan must be stored first.
/// </summary>
public sealed partial class ImportPlanHandler(IPlanDocumentReader reader, IPlanStore store, PlanExtractor extractor, TimeProvider time)
{
    /// <summary>Reads and extracts without storing (the preview before "Lưu").</summary>
    public PlanPreview Preview(ReadOnlySpan<byte> content, string fileName)
    {
        var document = reader.Read(content, fileName);
        if (document.Text is null)
        {
            return new PlanPreview(null, document.Problem, Hash(content));
        }

        var plan = extractor.Extract(document.Text);
        var attachedTo = plan.Number is null ? AttachmentOf(document.Text) : null;
        return plan.Tasks.Count > 0 && (plan.Title.Length > 0 || plan.Number is not null || attachedTo is not null)
            ? new PlanPreview(plan, PlanFileProblem.None, Hash(content), attachedTo) { TableTitle = attachedTo is null ? null : TableTitleOf(document.Text) }
            : new PlanPreview(null, PlanFileProblem.NotAPlan, Hash(content));
    }

    public async Task<ImportResult> HandleAsync(ImportPlanRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var preview = Preview(request.Content.Span, request.FileName);
        if (preview.Plan is not { } plan)
        {
            return new ImportResult(ImportOutcome.Refused, null, preview.Problem);
        }

        var existing = await store.FindBySourceHashAsync(preview.SourceHash, cancellationToken);
        if (existing is not null)
        {
            return new ImportResult(ImportOutcome.Unchanged, existing, PlanFileProblem.None);
        }

        if (preview.AttachedTo is { } number)
        {
            return await AttachAsync(request, preview, number, cancellationToken);
        }

        var key = KeyOf(plan);
        var latest = await store.LatestVersionAsync(key, cancellationToken);
        var stored = new StoredPlan(key, latest + 1, preview.SourceHash, Path.GetFileName(request.FileName), time.GetUtcNow(), request.ImportedBy, plan);
        await store.SaveAsync(stored, cancellationToken);
        return new ImportResult(latest == 0 ? ImportOutcome.Created : ImportOutcome.NewVersion, stored, PlanFileProblem.None);
    }

    /// <summary>An assignment table stored as a new version of the plan it is attached to: its tasks join the plan's as <c>PL.</c> tasks (a task of the same id is replaced).</summary>
    private async Task<ImportResult> AttachAsync(ImportPlanRequest request, PlanPreview preview, string number, CancellationToken cancellationToken)
    {
        var key = KeyOf(number);
        if (await store.AsRead.GetLatestAsync(key, cancellationToken) is not { } target)
        {
            return new ImportResult(ImportOutcome.Refused, null, PlanFileProblem.AttachedPlanMissing, number);
        }

        var table = preview.Plan!;
        var source = preview.TableTitle ?? VietnameseText.Fold(Path.GetFileNameWithoutExtension(request.FileName));
        var attached = table.Tasks.Select(t => t with
        {
            Id = InAttachment(t.Id),
            Attachment = source,
        }).ToList();
        var ids = attached.Select(t => t.Id).ToHashSet(StringComparer.Ordinal);
        // The table sent again is the table as it now is: its rows that are gone leave the plan; other tables' rows stay.
        var replaced = target.Plan.Tasks.Where(t => ids.Contains(t.Id) || string.Equals(t.Attachment, source, StringComparison.Ordinal)).ToList();
        var merged = target.Plan with
        {
            Tasks = [.. target.Plan.Tasks.Except(replaced), .. attached],
            AgenciesToReview = [.. target.Plan.AgenciesToReview.Union(table.AgenciesToReview, StringComparer.Ordinal)],
        };
        var stored = new StoredPlan(key, target.Version + 1, preview.SourceHash, Path.GetFileName(request.FileName), time.GetUtcNow(), request.ImportedBy, merged);
        await store.SaveAsync(stored, cancellationToken);
        return new ImportResult(ImportOutcome.Attached, stored, PlanFileProblem.None, number)
        {
            Added = attached.Count,
            Removed = [.. replaced.Select(t => t.Id).Where(id => !ids.Contains(id))],
        };
    }

    private const string AttachmentPrefix = "PL.";

    /// <summary>A task of an assignment table, as its id is in the plan the table joins ("I.1" → "PL.I.1").</summary>
    public static string InAttachment(string taskId)
    {
        ArgumentNullException.ThrowIfNull(taskId);
        return taskId.StartsWith(AttachmentPrefix, StringComparison.Ordinal) ? taskId : AttachmentPrefix + taskId;
    }

    /// <summary>"(Kèm theo Kế hoạch số 62/KH-UBND ngày …)" near the top: the number of the plan the document belongs to.</summary>
    public static string? AttachmentOf(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var head = string.Join('\n', text.Split('\n').Take(12));
        var match = AttachedTo().Match(head);
        return match.Success ? match.Groups[1].Value.Replace(" ", string.Empty, StringComparison.Ordinal) : null;
    }

    /// <summary>An attached table's own heading, the lines above "(Kèm theo …)" ("PHỤ LỤC II / BIỂU PHÂN CÔNG NHIỆM VỤ …"), folded; null when it has none.</summary>
    public static string? TableTitleOf(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lines = text.Split('\n').Take(12).ToList();
        var at = lines.FindIndex(line => AttachedTo().IsMatch(line));
        var title = string.Join(' ', lines.Take(Math.Max(at, 0)).Select(line => string.Concat(VietnameseText.Fold(line).Select(c => char.IsLetterOrDigit(c) ? c : ' '))))
            .Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return title.Length > 0 ? string.Join(' ', title) : null;
    }

    /// <summary>The plan's identity across versions: its number, else its kind, year and title.</summary>
    public static string KeyOf(Plan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return KeyOf(plan.Number ?? $"{plan.Kind} {plan.Year} {plan.Title}");
    }

    private static string KeyOf(string basis)
    {
        var folded = VietnameseText.Fold(basis).Replace(' ', '-');
        return folded.Length <= 80 ? folded : folded[..60] + "-" + Convert.ToHexString(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(folded)))[..16].ToLowerInvariant();
    }

    [GeneratedRegex(@"kèm theo\s+(?:Kế hoạch|Chương trình|Quyết định|Nghị quyết)\s+số\s*:?\s*(\d+\s*/\s*[\p{L}Đđ]+(?:\s*-\s*[\p{L}Đđ]+)*)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 200)]
    private static partial Regex AttachedTo();

    private static string Hash(ReadOnlySpan<byte> content) => Convert.ToHexString(SHA256.HashData(content)).ToLowerInvariant();
}

public sealed record ImportPlanRequest(ReadOnlyMemory<byte> Content, string FileName, string? ImportedBy);

/// <summary>What an import did; <see cref="PlanNumber"/> names the plan an attachment belongs to, <see cref="Added"/> how
/// many of its tasks it brought, <see cref="Removed"/> the tasks of the table's earlier sending that it no longer has.</summary>
public sealed record ImportResult(ImportOutcome Outcome, StoredPlan? Plan, PlanFileProblem Problem, string? PlanNumber = null)
{
    public int Added { get; init; }

    public IReadOnlyList<string> Removed { get; init; } = [];
}

/// <summary>A file read, not stored; <see cref="AttachedTo"/>: the plan an assignment table says it belongs to, <see cref="TableTitle"/> the table's own heading.</summary>
public sealed record PlanPreview(Plan? Plan, PlanFileProblem Problem, string SourceHash, string? AttachedTo = null)
{
    public string? TableTitle { get; init; }
}

public enum ImportOutcome
{
    Created,
    NewVersion,
    Unchanged,
    Refused,
    Attached,
}
