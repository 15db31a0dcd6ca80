namespace CoordinationBot.BotFramework.Schema;

/// <summary>Activity types of the Bot Framework protocol that this bot handles.</summary>
public static class ActivityTypes
{
    public const string Message = "message";
    public const string ConversationUpdate = "conversationUpdate";
    public const string InstallationUpdate = "installationUpdate";
    public const string Invoke = "invoke";
    public const string Typing = "typing";
    public const string InvokeResponse = "invokeResponse";
}
