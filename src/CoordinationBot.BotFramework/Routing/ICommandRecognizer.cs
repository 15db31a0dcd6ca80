namespace CoordinationBot.BotFramework.Routing;

/// <summary>Recognises the command a message's text names; the router routes a message by its name.</summary>
public interface ICommandRecognizer
{
    /// <summary>The command the text starts with, and what follows it; null when the text names none.</summary>
    TypedCommand? Recognize(string? text);
}

/// <summary>A command named in a message: its route name and the text after its phrase.</summary>
public sealed record TypedCommand(string Name, string Arguments);
