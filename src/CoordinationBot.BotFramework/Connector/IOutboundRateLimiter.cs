namespace CoordinationBot.BotFramework.Connector;

/// <summary>
/// Paces every request to the connector, each retry included: the channel counts attempts, not messages.
/// The conversation id is null for requests that address no conversation yet (creating one).
/// </summary>
public interface IOutboundRateLimiter
{
    ValueTask WaitTurnAsync(string? conversationId, CancellationToken cancellationToken);
}

/// <summary>The protocol layer's default: no pacing. The host supplies the channel's limits.</summary>
public sealed class NoOutboundRateLimit : IOutboundRateLimiter
{
    public ValueTask WaitTurnAsync(string? conversationId, CancellationToken cancellationToken) => ValueTask.CompletedTask;
}
