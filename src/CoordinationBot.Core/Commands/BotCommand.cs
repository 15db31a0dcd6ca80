namespace CoordinationBot.Core.Commands;

/// <summary>A command a user can type, with the phrases (folded) that name it.</summary>
public sealed record BotCommand(string Name, IReadOnlyList<string> Phrases);
