namespace CoordinationBot.Core.Questions;

/// <summary>
/// An answer: its plain text (what the CLI prints and the card's fallback carries), and the plans and tasks it
/// cites, best first, for the card.
/// </summary>
public sealed record Answer(QuestionIntent Intent, bool Found, string Text, IReadOnlyList<AnswerTask> Tasks, IReadOnlyList<string> PlanKeys);

/// <summary>One cited task with what the card shows of it.</summary>
public sealed record AnswerTask(string PlanKey, string PlanLabel, string TaskId, string Text, IReadOnlyList<string> Leads, IReadOnlyList<string> Supports, string? Due);
