using System.Diagnostics;
using CoordinationBot.BotFramework;
using CoordinationBot.BotFramework.Authentication;
using CoordinationBot.BotFramework.Routing;
using CoordinationBot.BotFramework.Schema;
using CoordinationBot.Host.Bot;
using CoordinationBot.Host.Telemetry;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace CoordinationBot.Host.Apis;

/// <summary><c>POST /api/messages</c>: the Bot Framework messaging endpoint.</summary>
public static class BotApi
{
    public static IEndpointRouteBuilder MapBotApi(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapGroup("/api").MapPost("/messages", HandleAsync).DisableAntiforgery();
        return app;
    }

    public static async Task<Results<Ok, JsonHttpResult<System.Text.Json.Nodes.JsonNode?>, StatusCodeHttpResult, UnauthorizedHttpResult, ForbidHttpResult, BadRequest>> HandleAsync(
        HttpContext http,
        InboundAuthenticator authenticator,
        ActivityRouter router,
        TurnErrorHandler errors,
        IOptions<BotFrameworkOptions> options,
        ILogger<ActivityRouter> logger)
    {
        var cancellationToken = http.RequestAborted;
        var authorization = http.Request.Headers.Authorization.ToString();
        if (authenticator.PreCheck(authorization, http.Connection.RemoteIpAddress) is { } refused)
        {
            return Reject(refused, logger);
        }

        var body = await ActivityBody.ReadAsync(http.Request, options.Value.MaxActivityBytes, cancellationToken);
        if (body.TooLarge)
        {
            BotTelemetry.Rejected.Add(1, new KeyValuePair<string, object?>("reason", "too_large"));
            return TypedResults.StatusCode(StatusCodes.Status413PayloadTooLarge);
        }

        if (body.Activity is not { } activity)
        {
            BotTelemetry.Rejected.Add(1, new KeyValuePair<string, object?>("reason", "malformed"));
            return TypedResults.BadRequest();
        }

        var outcome = await authenticator.AuthenticateAsync(authorization, activity, cancellationToken);
        if (!outcome.Succeeded)
        {
            return Reject(outcome, logger);
        }

        using var scope = logger.BeginScope(new Dictionary<string, object?>
        {
            ["ActivityId"] = activity.Id,
            ["ConversationId"] = activity.Conversation?.Id,
            ["TenantId"] = activity.GetTenantId(),
        });
        using var span = BotTelemetry.Source.StartActivity("bot.turn", ActivityKind.Server);
        span?.SetTag("bot.activity.type", activity.Type);
        var started = Stopwatch.GetTimestamp();
        InvokeResponse? response;
        string result;
        try
        {
            (var handled, response) = await router.DispatchAsync(activity, outcome.Identity, cancellationToken);
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

        if (activity.Type == ActivityTypes.Invoke)
        {
            var invoke = response ?? new InvokeResponse(StatusCodes.Status501NotImplemented, null);
            return TypedResults.Json<System.Text.Json.Nodes.JsonNode?>(invoke.Body, statusCode: invoke.Status);
        }

        return TypedResults.Ok();
    }

    private static Results<Ok, JsonHttpResult<System.Text.Json.Nodes.JsonNode?>, StatusCodeHttpResult, UnauthorizedHttpResult, ForbidHttpResult, BadRequest> Reject(AuthenticationOutcome outcome, ILogger logger)
    {
        BotLog.Refused(logger, outcome.StatusCode, outcome.Reason);
        BotTelemetry.Rejected.Add(1, new KeyValuePair<string, object?>("reason", outcome.StatusCode == 403 ? "forbidden" : "unauthorized"));
        return outcome.StatusCode == StatusCodes.Status403Forbidden
            ? TypedResults.StatusCode(StatusCodes.Status403Forbidden)
            : TypedResults.Unauthorized();
    }
}
