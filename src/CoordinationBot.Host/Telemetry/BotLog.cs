namespace CoordinationBot.Host.Telemetry;

/// <summary>Log events of the bot endpoint. No message text or personal data at Information level.</summary>
public static partial class BotLog
{
    [LoggerMessage(1, LogLevel.Information, "Handled {ActivityType} activity: {Outcome} in {ElapsedMs} ms")]
    public static partial void TurnHandled(ILogger logger, string? activityType, string outcome, long elapsedMs);

    [LoggerMessage(2, LogLevel.Warning, "Refused an activity request ({StatusCode}): {Reason}")]
    public static partial void Refused(ILogger logger, int statusCode, string? reason);

    [LoggerMessage(3, LogLevel.Error, "Turn failed for a {ActivityType} activity")]
    public static partial void TurnFailed(ILogger logger, Exception exception, string? activityType);

    [LoggerMessage(4, LogLevel.Warning, "Could not tell the user about the failed turn")]
    public static partial void ErrorReplyFailed(ILogger logger, Exception exception);

    [LoggerMessage(5, LogLevel.Information, "Bot removed from a conversation; stored reference removed: {Removed}")]
    public static partial void Uninstalled(ILogger logger, bool removed);
}
