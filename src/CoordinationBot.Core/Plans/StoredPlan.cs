namespace CoordinationBot.Core.Plans;

/// <summary>
/// A plan as kept in the registry: one version of one document. <see cref="Key"/> names the plan across versions
/// (its number, or its title when the number is left blank); <see cref="SourceHash"/> makes re-imports idempotent.
/// </summary>
public sealed record StoredPlan(string Key, int Version, string SourceHash, string FileName, DateTimeOffset ImportedAt, string? ImportedBy, Plan Plan);
