namespace CoordinationBot.Core.Commands;

/// <summary>
/// A command a user can type, with the phrases (folded) that name it. A <paramref name="WholeText"/> command is only the
/// phrase itself, so that a question starting with the same words ("có những kế hoạch nào giao …") stays a question.
/// </summary>
public sealed record BotCommand(string Name, IReadOnlyList<string> Phrases, bool WholeText = false);
