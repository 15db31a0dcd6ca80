using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using CoordinationBot.BotFramework.Schema;

namespace CoordinationBot.BotFramework.Connector;

/// <summary>
/// Bot Connector REST v3 over HttpClient, with bearer tokens, bounded retries and every attempt paced. Requests go only
/// to trusted service URLs. A post (not idempotent) that timed out or broke after it was sent is not retried: it may
/// have been shown, and the caller decides (<see cref="ConnectorException.MayHaveBeenDelivered"/>).
/// </summary>
public sealed class ConnectorClient(HttpClient http, IBotTokenProvider tokens, ConnectorRetryPipeline retries, IOutboundRateLimiter limiter, BotFrameworkOptions options) : IConnectorClient
{
    public Task<ResourceResponse> ReplyToActivityAsync(Activity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (string.IsNullOrEmpty(activity.ReplyToId))
        {
            return SendToConversationAsync(activity, cancellationToken);
        }

        return SendActivityAsync(HttpMethod.Post, activity, $"activities/{Uri.EscapeDataString(activity.ReplyToId)}", cancellationToken);
    }

    public Task<ResourceResponse> SendToConversationAsync(Activity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        return SendActivityAsync(HttpMethod.Post, activity, "activities", cancellationToken);
    }

    public Task<ResourceResponse> SendToConversationAsync(Activity activity, PostSlot slot, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        ArgumentNullException.ThrowIfNull(slot);
        return SendActivityAsync(HttpMethod.Post, activity, "activities", cancellationToken, slot);
    }

    public Task<ResourceResponse> UpdateActivityAsync(Activity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var id = activity.Id ?? throw new ArgumentException("An update needs the activity id.", nameof(activity));
        return SendActivityAsync(HttpMethod.Put, activity, $"activities/{Uri.EscapeDataString(id)}", cancellationToken);
    }

    public Task<ConversationResourceResponse> CreateConversationAsync(Uri serviceUrl, ConversationParameters parameters, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(serviceUrl);
        return SendAsync(HttpMethod.Post, Combine(serviceUrl, "v3/conversations"), null, parameters, BotJsonContext.Default.ConversationParameters, BotJsonContext.Default.ConversationResourceResponse, cancellationToken);
    }

    public Task<PagedMembersResult> GetPagedMembersAsync(Uri serviceUrl, string conversationId, int? pageSize, string? continuationToken, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(serviceUrl);
        ArgumentException.ThrowIfNullOrEmpty(conversationId);
        var query = new List<string>();
        if (pageSize is { } size)
        {
            query.Add($"pageSize={size}");
        }

        if (!string.IsNullOrEmpty(continuationToken))
        {
            query.Add($"continuationToken={Uri.EscapeDataString(continuationToken)}");
        }

        var path = $"v3/conversations/{Uri.EscapeDataString(conversationId)}/pagedmembers" + (query.Count > 0 ? "?" + string.Join('&', query) : string.Empty);
        return SendAsync<object, PagedMembersResult>(HttpMethod.Get, Combine(serviceUrl, path), conversationId, null, null, BotJsonContext.Default.PagedMembersResult, cancellationToken);
    }

    /// <summary>An activity into its own conversation, at <c>v3/conversations/{id}/{suffix}</c>.</summary>
    private Task<ResourceResponse> SendActivityAsync(HttpMethod method, Activity activity, string suffix, CancellationToken cancellationToken, PostSlot? slot = null)
    {
        var serviceUrl = activity.ServiceUrl ?? throw new ArgumentException("The activity has no serviceUrl.", nameof(activity));
        var conversationId = activity.Conversation?.Id ?? throw new ArgumentException("The activity has no conversation id.", nameof(activity));
        var uri = Combine(new Uri(serviceUrl), $"v3/conversations/{Uri.EscapeDataString(conversationId)}/{suffix}");
        return SendAsync(method, uri, conversationId, activity, BotJsonContext.Default.Activity, BotJsonContext.Default.ResourceResponse, cancellationToken, slot);
    }

    private static Uri Combine(Uri serviceUrl, string path)
    {
        var text = serviceUrl.ToString();
        return new Uri(text.EndsWith('/') ? text + path : text + "/" + path);
    }

    private async Task<TResponse> SendAsync<TBody, TResponse>(
        HttpMethod method,
        Uri uri,
        string? conversationId,
        TBody? body,
        JsonTypeInfo<TBody>? bodyType,
        JsonTypeInfo<TResponse> responseType,
        CancellationToken cancellationToken,
        PostSlot? slot = null)
        where TResponse : class
    {
        if (!options.IsTrustedServiceUrl(uri.GetLeftPart(UriPartial.Authority)))
        {
            throw new ConnectorException($"Connector {method} refused: {uri.Host} is not a trusted Bot Connector host.") { UntrustedServiceUrl = true };
        }

        var token = await tokens.GetTokenAsync(cancellationToken);
        using var response = await retries.Retry.ExecuteAsync(
            async ct =>
            {
                // The place first, then the turn: a turn granted while waiting for a place would be spent late, in a burst.
                if (slot is not null)
                {
                    await slot.TakeAsync(ct);
                }

                await limiter.WaitTurnAsync(conversationId, ct);
                using var request = new HttpRequestMessage(method, uri);
                if (token is not null)
                {
                    request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
                }

                if (body is not null && bodyType is not null)
                {
                    request.Content = JsonContent.Create(body, bodyType);
                }

                try
                {
                    var response = await retries.AttemptTimeout.ExecuteAsync(static (state, attempt) => new ValueTask<HttpResponseMessage>(state.http.SendAsync(state.request, attempt)), (http, request), ct);
                    if (response.StatusCode == System.Net.HttpStatusCode.TooManyRequests)
                    {
                        // Throttled: Teams took nothing, so the Retry-After wait before the next attempt holds no place.
                        slot?.Free();
                    }

                    return response;
                }
                catch (Exception failure) when (method == HttpMethod.Post && MayHaveBeenSent(failure))
                {
                    throw new ConnectorException($"Connector {method} did not answer in time or broke off; the activity may have been delivered.", failure) { MayHaveBeenDelivered = true };
                }
            },
            cancellationToken);

        if (!response.IsSuccessStatusCode)
        {
            throw await ToExceptionAsync(response, method, cancellationToken);
        }

        if (response.Content.Headers.ContentLength == 0)
        {
            return JsonSerializer.Deserialize("{}", responseType)!;
        }

        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        return string.IsNullOrWhiteSpace(text)
            ? JsonSerializer.Deserialize("{}", responseType)!
            : JsonSerializer.Deserialize(text, responseType) ?? JsonSerializer.Deserialize("{}", responseType)!;
    }

    /// <summary>A timeout, or a connection that failed after it was made: the request may have reached the connector.</summary>
    private static bool MayHaveBeenSent(Exception failure) => failure switch
    {
        Polly.Timeout.TimeoutRejectedException => true,
        HttpRequestException request => request.HttpRequestError is not (HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError or HttpRequestError.SecureConnectionError or HttpRequestError.ProxyTunnelError),
        _ => false,
    };

    private static async Task<ConnectorException> ToExceptionAsync(HttpResponseMessage response, HttpMethod method, CancellationToken cancellationToken)
    {
        string? code = null;
        try
        {
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            code = JsonSerializer.Deserialize(text, BotJsonContext.Default.ConnectorError)?.Error?.Code;
        }
        catch (JsonException)
        {
            // A body that is not the connector's error shape still leaves the status code to go on.
        }

        return new ConnectorException(response.StatusCode, code, $"Connector {method} failed with {(int)response.StatusCode} {code}".TrimEnd());
    }
}
