using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Specialized;
using CoordinationBot.Core.StatusReports;

namespace CoordinationBot.Storage.StatusReports;

/// <summary>A blob lease (Azure Blob Storage, Azurite locally) held under this instance's own lease id.</summary>
public sealed class BlobSingletonLease(BlobClient blob) : ISingletonLease
{
    private readonly string leaseId = Guid.NewGuid().ToString();
    private volatile bool created;

    public async Task<bool> TryAcquireAsync(TimeSpan duration, CancellationToken cancellationToken)
    {
        if (!created)
        {
            await blob.GetParentBlobContainerClient().CreateIfNotExistsAsync(cancellationToken: cancellationToken);
            if (!await blob.ExistsAsync(cancellationToken))
            {
                try
                {
                    await blob.UploadAsync(BinaryData.FromString("lease"), overwrite: false, cancellationToken);
                }
                catch (RequestFailedException failure) when (failure.Status is 409 or 412)
                {
                    // Another instance created it first.
                }
            }

            created = true;
        }

        try
        {
            await blob.GetBlobLeaseClient(leaseId).AcquireAsync(duration, cancellationToken: cancellationToken);
            return true;
        }
        catch (RequestFailedException failure) when (failure.Status == 409)
        {
            return false;
        }
    }
}
