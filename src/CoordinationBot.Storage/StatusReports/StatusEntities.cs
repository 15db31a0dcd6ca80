using CoordinationBot.Storage.Tables;

namespace CoordinationBot.Storage.StatusReports;

public sealed record RoundEntity : IStoredEntity
{
    public required string PartitionKey { get; init; }

    public required string RowKey { get; init; }

    /// <summary>The round as JSON (rounds are read whole and are small).</summary>
    public required string Round { get; init; }

    /// <summary>Counts the round's changes; null for a round stored before rounds were counted.</summary>
    public long? Revision { get; init; }
}

/// <summary>One agency's report on one task: partition = round, row = agency~task (what consolidation reads).</summary>
public sealed record ReportEntity : IStoredEntity
{
    public required string PartitionKey { get; init; }

    public required string RowKey { get; init; }

    public required string Agency { get; init; }

    public required string TaskId { get; init; }

    public required string Status { get; init; }

    public int Percent { get; init; }

    public string? Result { get; init; }

    public string? Difficulties { get; init; }

    public string? Proposals { get; init; }

    public string? Evidence { get; init; }

    public required string SubmittedBy { get; init; }

    public DateTimeOffset SubmittedAt { get; init; }
}

/// <summary>An entry of an append-only history (reports and rounds): what changed, who, when.</summary>
public sealed record HistoryEntity : IStoredEntity
{
    public required string PartitionKey { get; init; }

    public required string RowKey { get; init; }

    public required string Subject { get; init; }

    public required string ChangedBy { get; init; }

    public DateTimeOffset At { get; init; }

    public required string Change { get; init; }
}

/// <summary>A row that says something by existing: an action handled, a round version that takes reports.</summary>
public sealed record MarkerEntity : IStoredEntity
{
    public required string PartitionKey { get; init; }

    public required string RowKey { get; init; }
}

/// <summary>Per-recipient delivery status: partition = round, row = agency~conversation.</summary>
public sealed record DeliveryEntity : IStoredEntity
{
    public required string PartitionKey { get; init; }

    public required string RowKey { get; init; }

    public required string Agency { get; init; }

    public required string State { get; init; }

    public string? Reason { get; init; }

    public DateTimeOffset LeaseUntil { get; init; }

    public int Attempts { get; init; }

    /// <summary>The delivery itself (JSON): the row, not the queue message, is what a card is sent from if a message is lost.</summary>
    public string? Delivery { get; init; }

    /// <summary>When the row counts as stalled if it is still not sent: the sweeper enqueues it again then.</summary>
    public DateTimeOffset? StalledAfter { get; init; }

    public DateTimeOffset? FirstAttemptAt { get; init; }
}
