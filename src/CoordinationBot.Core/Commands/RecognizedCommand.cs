namespace CoordinationBot.Core.Commands;

/// <summary>A recognised command and the folded text after its phrase.</summary>
public sealed record RecognizedCommand(BotCommand Command, string Arguments);
