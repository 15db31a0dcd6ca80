using System.Security.Claims;
using CoordinationBot.BotFramework.Connector;
using CoordinationBot.BotFramework.Schema;

namespace CoordinationBot.BotFramework.Routing;

/// <summary>One incoming activity and the means to answer it.</summary>
public sealed class TurnContext(Activity activity, IConnectorClient connector, ClaimsIdentity? identity, TypedCommand? command)
{
    public Activity Activity { get; } = activity;

    public IConnectorClient Connector { get; } = connector;

    /// <summary>The validated token's identity; null in local development.</summary>
    public ClaimsIdentity? Identity { get; } = identity;

    /// <summary>The command recognised in a message, if any.</summary>
    public TypedCommand? Command { get; } = command;

    public string? TenantId => Activity.GetTenantId();

    /// <summary>Answers in the conversation, threaded under the incoming activity.</summary>
    public Task<ResourceResponse> ReplyAsync(Activity reply, CancellationToken cancellationToken) =>
        Connector.ReplyToActivityAsync(reply, cancellationToken);

    public Task<ResourceResponse> ReplyAsync(string text, CancellationToken cancellationToken) =>
        ReplyAsync(Activity.CreateReply(text), cancellationToken);

    public Task<ResourceResponse> ReplyWithCardAsync(System.Text.Json.Nodes.JsonObject card, string fallbackText, CancellationToken cancellationToken) =>
        ReplyAsync(Activity.CreateReply(attachments: [Attachment.AdaptiveCard(card)]) with { Summary = fallbackText, Text = null }, cancellationToken);
}
