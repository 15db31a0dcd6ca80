namespace CoordinationBot.BotFramework.Schema;

/// <summary>Error body of the Bot Connector: <c>{"error":{"code":"…","message":"…"}}</c>.</summary>
public sealed record ConnectorError(ConnectorErrorDetail? Error);

public sealed record ConnectorErrorDetail(string? Code, string? Message);
