using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using CoordinationBot.Core.Consolidation;

namespace CoordinationBot.Storage.StatusReports;

/// <summary>Report files in Blob Storage (container "{prefix}-reports"); the file name travels in the blob's metadata.</summary>
public sealed class BlobReportFileStore(BlobContainerClient container) : IReportFileStore
{
    private volatile bool created;

    public async Task<string> SaveAsync(string fileName, string contentType, byte[] content, CancellationToken cancellationToken)
    {
        if (!created)
        {
            await container.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
            created = true;
        }

        var id = Guid.NewGuid().ToString("N") + Path.GetExtension(fileName).ToLowerInvariant();
        var blob = container.GetBlobClient(id);
        await blob.UploadAsync(BinaryData.FromBytes(content), new BlobUploadOptions
        {
            HttpHeaders = new BlobHttpHeaders { ContentType = contentType },
            Metadata = new Dictionary<string, string> { ["filename"] = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(fileName)) },
        }, cancellationToken);
        return id;
    }

    public async Task<ReportFile?> GetAsync(string id, CancellationToken cancellationToken)
    {
        try
        {
            var result = await container.GetBlobClient(id).DownloadContentAsync(cancellationToken);
            var name = result.Value.Details.Metadata.TryGetValue("filename", out var encoded) ? System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(encoded)) : id;
            return new ReportFile(name, result.Value.Details.ContentType, result.Value.Content.ToArray());
        }
        catch (RequestFailedException failure) when (failure.Status == 404)
        {
            return null;
        }
    }
}
