namespace CoordinationBot.BotFramework.Connector;

/// <summary>Outbound access tokens for the Bot Connector; null in local development (no app id).</summary>
public interface IBotTokenProvider
{
    ValueTask<string?> GetTokenAsync(CancellationToken cancellationToken);
}
