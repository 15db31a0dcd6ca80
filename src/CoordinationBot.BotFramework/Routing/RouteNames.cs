namespace CoordinationBot.BotFramework.Routing;

/// <summary>Route names beyond commands: a message carrying a file, and Adaptive Card actions by verb.</summary>
public static class RouteNames
{
    public const string FileMessage = "@file";

    public const string CardAction = "adaptiveCard/action";

    public static string CardVerb(string verb) => CardAction + "/" + verb;
}
