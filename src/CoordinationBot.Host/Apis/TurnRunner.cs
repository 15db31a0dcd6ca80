using System.Diagnostics;
using System.Security.Claims;
using CoordinationBot.BotFramework.Routing;
using CoordinationBot.BotFramework.Schema;
using Activity = CoordinationBot.BotFramework.Schema.Activity;
using CoordinationBot.Host.Bot;
using CoordinationBot.Host.Telemetry;

namespace CoordinationBot.Host.Apis;

/// <summary>
/// Runs one authenticated turn, whether inside the channel's request or after it was acknowledged: logging scope,
/// span, the handler, the central error handler and the turn metrics.
/// </summary>
public sealed class TurnRunner(ActivityRouter router, TurnErrorHandler errors, ILogger<ActivityRouter> logger)
{
    public async Task<InvokeResponse?> RunAsync(Activity activity, ClaimsIdentity? identity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        using var scope = logger.BeginScope(new Dictionary<string, object?>
        {
            ["ActivityId"] = activity.Id,
            ["ConversationId"] = activity.Conversation?.Id,
            ["TenantId"] = activity.GetTenantId(),
        });
        using var span = BotTelemetry.Source.StartActivity("bot.turn", ActivityKind.Server);
        span?.SetTag("bot.activity.type", activity.Type);
        span?.SetTag("bot.activity.id", activity.Id);
        var started = Stopwatch.GetTimestamp();
        InvokeResponse? response;
        string result;
        try
        {
            (var handled, response) = await router.DispatchAsync(activity, identity, cancellationToken);
            result = handled ? "handled" : "ignored";
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            response = await errors.HandleAsync(activity, exception, cancellationToken);
            result = "error";
        }

        var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        var tags = new TagList { { "activity.type", activity.Type }, { "outcome", result } };
        BotTelemetry.Activities.Add(1, tags);
        BotTelemetry.TurnDuration.Record(elapsed, tags);
        BotLog.TurnHandled(logger, activity.Type, result, (long)elapsed);
        return response;
    }
}
