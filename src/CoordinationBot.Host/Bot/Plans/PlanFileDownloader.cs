using System.Net;
using CoordinationBot.BotFramework;
using CoordinationBot.Documents.Plans;
using Microsoft.Extensions.Options;

namespace CoordinationBot.Host.Bot.Plans;

/// <summary>
/// Fetches a file the user sent (Teams' pre-authenticated download URL). Only https URLs are fetched — plain http
/// only to loopback in local development — and never more than 10 MB.
/// </summary>
public sealed class PlanFileDownloader(IHttpClientFactory clients, IOptions<BotFrameworkOptions> bot)
{
    public const string ClientName = "plan-files";

    public async Task<DownloadResult> DownloadAsync(string url, CancellationToken cancellationToken)
    {
        if (!IsAllowed(url))
        {
            return DownloadResult.Failed(DownloadProblem.NotAllowed);
        }

        try
        {
            using var client = clients.CreateClient(ClientName);
            using var response = await client.GetAsync(new Uri(url), HttpCompletionOption.ResponseHeadersRead, cancellationToken);
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

        return uri.Scheme == Uri.UriSchemeHttps
            || (uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback && bot.Value.IsDevelopmentMode);
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
