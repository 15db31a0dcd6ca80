namespace CoordinationBot.BotFramework.Routing;

/// <summary>Route names beyond commands: a message carrying a file, and Adaptive Card actions by verb.</summary>
public static class RouteNames
{
    public const string FileMessage = "@file";

    /// <summary>A message carrying a file whose words name a command ("minh chứng …"): the file goes to that command's handler.</summary>
    public static string FileFor(string command) => FileMessage + ":" + command;

    public const string CardAction = "adaptiveCard/action";

    public static string CardVerb(string verb) => CardAction + "/" + verb;
}
