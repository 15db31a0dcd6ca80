using CoordinationBot.BotFramework.Schema;

namespace CoordinationBot.BotFramework.Connector;

/// <summary>The Bot Connector REST v3 operations the bot uses.</summary>
public interface IConnectorClient
{
    /// <summary><c>POST {serviceUrl}/v3/conversations/{id}/activities/{replyToId}</c>.</summary>
    Task<ResourceResponse> ReplyToActivityAsync(Activity activity, CancellationToken cancellationToken);

    /// <summary><c>POST {serviceUrl}/v3/conversations/{id}/activities</c>.</summary>
    Task<ResourceResponse> SendToConversationAsync(Activity activity, CancellationToken cancellationToken);

    /// <summary>As <see cref="SendToConversationAsync(Activity, CancellationToken)"/>, each attempt in <paramref name="slot"/> (held on return or throw, except after a final 429).</summary>
    Task<ResourceResponse> SendToConversationAsync(Activity activity, PostSlot slot, CancellationToken cancellationToken);

    /// <summary><c>PUT {serviceUrl}/v3/conversations/{id}/activities/{activityId}</c>.</summary>
    Task<ResourceResponse> UpdateActivityAsync(Activity activity, CancellationToken cancellationToken);

    /// <summary><c>POST {serviceUrl}/v3/conversations</c>.</summary>
    Task<ConversationResourceResponse> CreateConversationAsync(Uri serviceUrl, ConversationParameters parameters, CancellationToken cancellationToken);

    /// <summary><c>GET {serviceUrl}/v3/conversations/{id}/pagedmembers</c>.</summary>
    Task<PagedMembersResult> GetPagedMembersAsync(Uri serviceUrl, string conversationId, int? pageSize, string? continuationToken, CancellationToken cancellationToken);
}
