using System.Security.Cryptography;
using CoordinationBot.Core.Plans.Extraction;
using CoordinationBot.Core.Text;

namespace CoordinationBot.Core.Plans.Import;

/// <summary>
/// Imports a plan file into the registry. The same bytes again change nothing; a changed file becomes a new version
/// and the old one is kept. A file that is not a plan is refused with the reason, and nothing is stored.
/// </summary>
public sealed class ImportPlanHandler(IPlanDocumentReader reader, IPlanStore store, PlanExtractor extractor, TimeProvider time)
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
        return IsPlan(plan)
            ? new PlanPreview(plan, PlanFileProblem.None, Hash(content))
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

        var key = KeyOf(plan);
        var latest = await store.LatestVersionAsync(key, cancellationToken);
        var stored = new StoredPlan(key, latest + 1, preview.SourceHash, Path.GetFileName(request.FileName), time.GetUtcNow(), request.ImportedBy, plan);
        await store.SaveAsync(stored, cancellationToken);
        return new ImportResult(latest == 0 ? ImportOutcome.Created : ImportOutcome.NewVersion, stored, PlanFileProblem.None);
    }

    /// <summary>The plan's identity across versions: its number, else its kind, year and title.</summary>
    public static string KeyOf(Plan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var basis = plan.Number ?? $"{plan.Kind} {plan.Year} {plan.Title}";
        var folded = VietnameseText.Fold(basis).Replace(' ', '-');
        return folded.Length <= 80 ? folded : folded[..60] + "-" + Convert.ToHexString(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(folded)))[..16].ToLowerInvariant();
    }

    private static bool IsPlan(Plan plan) => plan.Tasks.Count > 0 && (plan.Title.Length > 0 || plan.Number is not null);

    private static string Hash(ReadOnlySpan<byte> content) => Convert.ToHexString(SHA256.HashData(content)).ToLowerInvariant();
}

public sealed record ImportPlanRequest(ReadOnlyMemory<byte> Content, string FileName, string? ImportedBy);

public sealed record ImportResult(ImportOutcome Outcome, StoredPlan? Plan, PlanFileProblem Problem);

public sealed record PlanPreview(Plan? Plan, PlanFileProblem Problem, string SourceHash);

public enum ImportOutcome
{
    Created,
    NewVersion,
    Unchanged,
    Refused,
}
