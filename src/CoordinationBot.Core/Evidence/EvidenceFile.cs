namespace CoordinationBot.Core.Evidence;

/// <summary>
/// A file an agency sent as proof of its work on a task of a round (minh chứng): kept in blob storage
/// (<see cref="FileId"/>), named here. Files are only added; each stays beside the report it proves.
/// </summary>
public sealed record EvidenceFile(string RoundId, string Agency, string TaskId, string FileId, string FileName, long Size, string By, string? ByName, DateTimeOffset At);

/// <summary>Port: the evidence files of a round (append-only).</summary>
public interface IEvidenceFileStore
{
    Task AddAsync(EvidenceFile file, CancellationToken cancellationToken);

    /// <summary>Every evidence file of the round, oldest first.</summary>
    Task<IReadOnlyList<EvidenceFile>> ListAsync(string roundId, CancellationToken cancellationToken);
}
