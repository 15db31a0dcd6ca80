using CoordinationBot.Storage.Tables;

namespace CoordinationBot.Storage.Plans;

/// <summary>One version of a plan (table <c>plans</c>): partition = plan key, row = version; the facts as JSON.</summary>
public sealed record PlanEntity : IStoredEntity
{
    public required string PartitionKey { get; init; }

    public required string RowKey { get; init; }

    public required string Key { get; init; }

    public int Version { get; init; }

    public required string SourceHash { get; init; }

    public required string FileName { get; init; }

    public DateTimeOffset ImportedAt { get; init; }

    public string? ImportedBy { get; init; }

    public int TaskCount { get; init; }

    public required string Facts { get; init; }
}

/// <summary>One task of one plan version (table <c>plantasks</c>): partition = key~version, row = position in the document.</summary>
public sealed record PlanTaskEntity : IStoredEntity
{
    public required string PartitionKey { get; init; }

    public required string RowKey { get; init; }

    public required string Task { get; init; }
}

/// <summary>A plan row read for its identity only (a query selects just these properties, not the plan's facts).</summary>
public sealed record PlanVersionEntity : IStoredEntity
{
    public required string PartitionKey { get; init; }

    public required string RowKey { get; init; }

    public required string Key { get; init; }

    public int Version { get; init; }
}
