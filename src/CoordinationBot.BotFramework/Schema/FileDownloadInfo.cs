namespace CoordinationBot.BotFramework.Schema;

/// <summary>A file a user sent to the bot in Teams personal chat (attachment content of <see cref="ContentType"/>).</summary>
public sealed record FileDownloadInfo(string? DownloadUrl, string? UniqueId, string? FileType)
{
    public const string ContentType = "application/vnd.microsoft.teams.file.download.info";
}
