namespace CoordinationBot.Core.StatusReports;

/// <summary>
/// A status card partly filled and kept without being sent ("Lưu nháp"): one per agency and round, seen only on the
/// agency's own card, never by the focal agency. A report sent after it makes it old.
/// </summary>
public sealed record StatusDraft(string RoundId, string Agency, IReadOnlyList<StatusEntry> Entries, string SavedBy, DateTimeOffset SavedAt)
{
    /// <summary>The draft while nothing has been sent since it was kept; null otherwise.</summary>
    public StatusDraft? UnlessSentAfter(IEnumerable<StatusReport> saved) =>
        saved.Any(r => r.SubmittedAt >= SavedAt) ? null : this;
}

/// <summary>Port: the agencies' drafts, one per round and agency (a new draft replaces the old).</summary>
public interface IStatusDraftStore
{
    Task SaveAsync(StatusDraft draft, CancellationToken cancellationToken);

    Task<StatusDraft?> GetAsync(string roundId, string agency, CancellationToken cancellationToken);
}
