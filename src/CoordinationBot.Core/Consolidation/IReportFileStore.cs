namespace CoordinationBot.Core.Consolidation;

/// <summary>Port: generated report files (Word, Excel), kept in blob storage and fetched by id.</summary>
public interface IReportFileStore
{
    /// <summary>Stores the file; returns its id (safe in a URL path).</summary>
    Task<string> SaveAsync(string fileName, string contentType, byte[] content, CancellationToken cancellationToken);

    Task<ReportFile?> GetAsync(string id, CancellationToken cancellationToken);
}

public sealed record ReportFile(string FileName, string ContentType, byte[] Content);
