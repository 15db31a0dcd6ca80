using System.Net;

namespace CoordinationBot.BotFramework.Connector;

/// <summary>A connector call that failed for good (after retries, or with an error not worth retrying).</summary>
public sealed class ConnectorException : Exception
{
    public ConnectorException()
    {
    }

    public ConnectorException(string message)
        : base(message)
    {
    }

    public ConnectorException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public ConnectorException(HttpStatusCode statusCode, string? errorCode, string message)
        : base(message)
    {
        StatusCode = statusCode;
        ErrorCode = errorCode;
    }

    public HttpStatusCode? StatusCode { get; }

    public string? ErrorCode { get; }

    /// <summary>The user blocked or uninstalled the bot (403 <c>MessageWritesBlocked</c>): do not retry.</summary>
    public bool IsBlockedByUser => StatusCode == HttpStatusCode.Forbidden
        && string.Equals(ErrorCode, "MessageWritesBlocked", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// A post whose fate is unknown: it timed out or the connection broke after it was sent, so Teams may have shown it.
    /// Posting it again could show it twice; it is not retried blindly.
    /// </summary>
    public bool MayHaveBeenDelivered { get; init; }

    /// <summary>The service URL is not a trusted Bot Connector host: nothing was sent.</summary>
    public bool UntrustedServiceUrl { get; init; }

    /// <summary>The conversation no longer exists (404): the stored reference is stale.</summary>
    public bool IsConversationGone => StatusCode == HttpStatusCode.NotFound;
}
