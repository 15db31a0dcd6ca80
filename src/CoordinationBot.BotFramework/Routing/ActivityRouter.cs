using System.Security.Claims;
using CoordinationBot.BotFramework.Connector;
using CoordinationBot.BotFramework.Schema;

namespace CoordinationBot.BotFramework.Routing;

/// <summary>
/// Chooses the one handler registered for an activity's route: messages by recognised command (or the fallback
/// route with no name), invokes by name, other types by type. Activities nobody handles are acknowledged and dropped.
/// </summary>
public sealed class ActivityRouter
{
    private readonly Dictionary<ActivityRoute, IActivityHandler> handlers;
    private readonly ICommandRecognizer commands;
    private readonly IConnectorClient connector;

    public ActivityRouter(IEnumerable<IActivityHandler> handlers, ICommandRecognizer commands, IConnectorClient connector)
    {
        ArgumentNullException.ThrowIfNull(handlers);
        this.handlers = [];
        foreach (var handler in handlers)
        {
            if (!this.handlers.TryAdd(handler.Route, handler))
            {
                throw new InvalidOperationException($"Two handlers are registered for {handler.Route}.");
            }
        }

        this.commands = commands;
        this.connector = connector;
    }

    /// <summary>The route an activity takes, and the command a message names.</summary>
    public (ActivityRoute Route, TypedCommand? Command) Resolve(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var type = activity.Type ?? string.Empty;
        if (activity.GetCardVerb() is { } verb)
        {
            // Action.Execute (invoke) and its Action.Submit fallback (message with a value) reach the same handler.
            return (new ActivityRoute(ActivityTypes.Invoke, RouteNames.CardVerb(verb)), null);
        }

        if (string.Equals(type, ActivityTypes.Message, StringComparison.OrdinalIgnoreCase) && activity.GetFile() is not null)
        {
            // A file with words that name a command handled for files goes there; any other file is a plan.
            var named = commands.Recognize(activity.GetTextWithoutMentions());
            var forCommand = named is null ? null : new ActivityRoute(ActivityTypes.Message, RouteNames.FileFor(named.Name));
            return forCommand is not null && handlers.ContainsKey(forCommand) ? (forCommand, named) : (new ActivityRoute(ActivityTypes.Message, RouteNames.FileMessage), null);
        }

        if (string.Equals(type, ActivityTypes.Message, StringComparison.OrdinalIgnoreCase))
        {
            var command = commands.Recognize(activity.GetTextWithoutMentions());
            var route = new ActivityRoute(ActivityTypes.Message, command?.Name);
            return handlers.ContainsKey(route) ? (route, command) : (new ActivityRoute(ActivityTypes.Message), command);
        }

        if (string.Equals(type, ActivityTypes.Invoke, StringComparison.OrdinalIgnoreCase))
        {
            return (new ActivityRoute(ActivityTypes.Invoke, activity.Name), null);
        }

        return (new ActivityRoute(type), null);
    }

    /// <summary>Whether the handler for this activity may answer after the activity is acknowledged.</summary>
    public bool AnswersAfterAcknowledging(Activity activity) =>
        handlers.TryGetValue(Resolve(activity).Route, out var handler) && handler.AnswersAfterAcknowledging;

    /// <summary>Runs the handler; returns whether one existed and, for invokes, its response.</summary>
    public async Task<(bool Handled, InvokeResponse? Response)> DispatchAsync(Activity activity, ClaimsIdentity? identity, CancellationToken cancellationToken)
    {
        var (route, command) = Resolve(activity);
        if (!handlers.TryGetValue(route, out var handler))
        {
            return (false, null);
        }

        var response = await handler.HandleAsync(new TurnContext(activity, connector, identity, command), cancellationToken);
        return (true, response);
    }
}
