using System.Collections.Concurrent;
using CoordinationBot.Core.People;
using Microsoft.Extensions.Logging;
using Microsoft.Graph;
using Microsoft.Kiota.Abstractions;

namespace CoordinationBot.Graph.Directory;

/// <summary>
/// The directory from Microsoft Graph: the user's <c>department</c> (or <c>officeLocation</c>) and <c>jobTitle</c>, read with the app's
/// credential and cached. When Graph cannot be reached the last known value is used, and the answer says so.
/// </summary>
public sealed partial class GraphDirectory(GraphServiceClient graph, DirectoryOptions options, TimeProvider time, ILogger<GraphDirectory> logger) : IDirectory
{
    private readonly ConcurrentDictionary<string, (string? Agency, string? JobTitle, DateTimeOffset At)> cache = new(StringComparer.OrdinalIgnoreCase);

    public async Task<DirectoryLookup> FindAgencyAsync(string aadObjectId, CancellationToken cancellationToken)
    {
        if (cache.TryGetValue(aadObjectId, out var cached) && time.GetUtcNow() - cached.At < options.CacheFor)
        {
            return new DirectoryLookup(cached.Agency) { JobTitle = cached.JobTitle };
        }

        try
        {
            var user = await graph.Users[aadObjectId].GetAsync(
                request => request.QueryParameters.Select = ["id", "department", "officeLocation", "jobTitle"],
                cancellationToken);
            var agency = string.Equals(options.Attribute, "officeLocation", StringComparison.OrdinalIgnoreCase) ? user?.OfficeLocation : user?.Department;
            agency = string.IsNullOrWhiteSpace(agency) ? null : agency.Trim();
            var jobTitle = string.IsNullOrWhiteSpace(user?.JobTitle) ? null : user.JobTitle.Trim();
            cache[aadObjectId] = (agency, jobTitle, time.GetUtcNow());
            return new DirectoryLookup(agency) { JobTitle = jobTitle };
        }
        catch (Exception exception) when (exception is ApiException or HttpRequestException or AggregateException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            // Graph's retry middleware gives up with an AggregateException of the failed attempts.
            if (exception is ApiException { ResponseStatusCode: 404 })
            {
                return DirectoryLookup.None;
            }

            Unavailable(logger, exception);
            return cached.Agency is not null
                ? new DirectoryLookup(cached.Agency, FromCacheBecauseUnavailable: true) { JobTitle = cached.JobTitle }
                : new DirectoryLookup(null, FromCacheBecauseUnavailable: true);
        }
    }

    [LoggerMessage(1, LogLevel.Warning, "Microsoft Graph unavailable; using the cached directory")]
    private static partial void Unavailable(ILogger logger, Exception exception);
}
