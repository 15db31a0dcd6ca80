using System.Net;
using CoordinationBot.BotFramework;
using CoordinationBot.Documents.Plans;
using Microsoft.Extensions.Options;

namespace CoordinationBot.Host.Features.Plans;

/// <summary>
/// Fetches a file the user sent (Teams' pre-authenticated download URL). Only https URLs of Teams' file hosts
/// (SharePoint, OneDrive) are fetched — loopback only in local development — never following a redirect elsewhere,
/// and never more than 10 MB.
/// </summary>
public sealed class PlanFileDownloader(IHttpClientFactory clients, IOptions<BotFrameworkOptions> bot, IOptions<PlanImportOptions> plans)
{
    public const string ClientName = "plan-files";
    private const int MaxRedirects = 3;

    public async Task<DownloadResult> DownloadAsync(string url, CancellationToken cancellationToken)
    {
        try
        {
            using var client = clients.CreateClient(ClientName);
            var location = url;
            HttpResponseMessage? response = null;
            for (var hop = 0; hop <= MaxRedirects; hop++)
            {
                response?.Dispose();
                if (!IsAllowed(location))
                {
                    return DownloadResult.Failed(DownloadProblem.NotAllowed);
                }

                response = await client.GetAsync(new Uri(location), HttpCompletionOption.ResponseHeadersRead, cancellationToken);
                if ((int)response.StatusCode is < 300 or > 399 || response.Headers.Location is not { } next)
                {
                    break;
                }

                // Each hop is checked like the first: a file host cannot send the bot anywhere else.
                location = new Uri(new Uri(location), next).ToString();
            }

            using var answered = response!;
            if ((int)response!.StatusCode is >= 300 and <= 399)
            {
                return DownloadResult.Failed(DownloadProblem.NotAllowed);
            }

            if (!response.IsSuccessStatusCode)
            {
                return DownloadResult.Failed(response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Forbidden or HttpStatusCode.Unauthorized ? DownloadProblem.Expired : DownloadProblem.Unavailable);
            }

            if (response.Content.Headers.ContentLength > PlanDocumentReader.MaxBytes)
            {
                return DownloadResult.Failed(DownloadProblem.TooLarge);
            }

            await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
            using var buffer = new MemoryStream();
            var chunk = new byte[81920];
            int read;
            while ((read = await stream.ReadAsync(chunk, cancellationToken)) > 0)
            {
                if (buffer.Length + read > PlanDocumentReader.MaxBytes)
                {
                    return DownloadResult.Failed(DownloadProblem.TooLarge);
                }

                buffer.Write(chunk, 0, read);
            }

            return new DownloadResult(buffer.ToArray(), DownloadProblem.None);
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException or IOException)
        {
            return DownloadResult.Failed(DownloadProblem.Unavailable);
        }
    }

    private bool IsAllowed(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            return false;
        }

        if (uri.IsLoopback)
        {
            return bot.Value.IsDevelopmentMode && uri.Scheme is "http" or "https";
        }

        return uri.Scheme == Uri.UriSchemeHttps && uri.UserInfo.Length == 0
            && PlanImportOptions.TeamsFileHosts.Concat(plans.Value.FileHosts).Any(host => BotFrameworkOptions.HostMatches(uri.Host, host));
    }
}

public sealed record DownloadResult(byte[]? Content, DownloadProblem Problem)
{
    public static DownloadResult Failed(DownloadProblem problem) => new(null, problem);
}

public enum DownloadProblem
{
    None,
    NotAllowed,
    TooLarge,
    Expired,
    Unavailable,
}
