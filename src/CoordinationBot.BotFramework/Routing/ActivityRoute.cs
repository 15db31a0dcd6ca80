namespace CoordinationBot.BotFramework.Routing;

/// <summary>
/// What a handler answers: an activity type and, for messages, a command name (null: anything not recognised);
/// for invokes, the invoke name (e.g. <c>adaptiveCard/action</c>).
/// </summary>
public sealed record ActivityRoute(string ActivityType, string? Name = null);
