namespace CoordinationBot.Core.Plans.Import;

/// <summary>A previewed plan file waiting for "Lưu" or "Hủy": what was shown, to whom, and where to fetch it again.</summary>
public sealed record PendingImport(string Id, string DownloadUrl, string FileName, string SourceHash, string UploaderAadObjectId, DateTimeOffset CreatedAt);

/// <summary>Port: previews survive restarts and are shared by every bot instance.</summary>
public interface IPendingImportStore
{
    Task SaveAsync(PendingImport pending, CancellationToken cancellationToken);

    Task<PendingImport?> GetAsync(string id, CancellationToken cancellationToken);

    Task<bool> RemoveAsync(string id, CancellationToken cancellationToken);
}
