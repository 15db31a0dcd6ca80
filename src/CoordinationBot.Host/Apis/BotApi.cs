using CoordinationBot.BotFramework;
using CoordinationBot.BotFramework.Authentication;
using CoordinationBot.BotFramework.Routing;
using CoordinationBot.BotFramework.Schema;
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
        TurnRunner turns,
        AcknowledgedTurns laterTurns,
        IOptions<BotFrameworkOptions> options,
        ILogger<ActivityRouter> logger)
    {
        var cancellationToken = http.RequestAborted;
        var authorization = http.Request.Headers.Authorization.ToString();
        if (authenticator.PreCheck(authorization, CallerAddress.Of(http)) is { } refused)
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

        if (router.AnswersAfterAcknowledging(activity))
        {
            var acknowledged = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            http.Response.OnCompleted(() =>
            {
                acknowledged.TrySetResult();
                return Task.CompletedTask;
            });
            if (laterTurns.TryQueue(activity, outcome.Identity, acknowledged.Task))
            {
                return TypedResults.Ok();
            }
        }

        var response = await turns.RunAsync(activity, outcome.Identity, cancellationToken);
        if (activity.Type == ActivityTypes.Invoke)
        {
            var invoke = response ?? Unhandled(activity);
            return TypedResults.Json<System.Text.Json.Nodes.JsonNode?>(invoke.Body, statusCode: invoke.Status);
        }

        return TypedResults.Ok();
    }

    /// <summary>
    /// An invoke no handler takes: a card button this bot does not (or no longer) offers gets the Universal Actions error
    /// response, which Teams shows on the card; an invoke name the app never declared is the sender's error (400).
    /// </summary>
    private static InvokeResponse Unhandled(Activity activity) =>
        string.Equals(activity.Name, "adaptiveCard/action", StringComparison.Ordinal)
            ? new InvokeResponse(StatusCodes.Status200OK, new System.Text.Json.Nodes.JsonObject
            {
                ["statusCode"] = 400,
                ["type"] = "application/vnd.microsoft.error",
                ["value"] = new System.Text.Json.Nodes.JsonObject { ["code"] = "BadRequest", ["message"] = "Thao tác này không có hoặc không còn được hỗ trợ. Vui lòng dùng thẻ mới nhất." },
            })
            : new InvokeResponse(StatusCodes.Status400BadRequest, null);

    private static Results<Ok, JsonHttpResult<System.Text.Json.Nodes.JsonNode?>, StatusCodeHttpResult, UnauthorizedHttpResult, ForbidHttpResult, BadRequest> Reject(AuthenticationOutcome outcome, ILogger logger)
    {
        BotLog.Refused(logger, outcome.StatusCode, outcome.Reason);
        BotTelemetry.Rejected.Add(1, new KeyValuePair<string, object?>("reason", outcome.StatusCode == 403 ? "forbidden" : "unauthorized"));
        return outcome.StatusCode == StatusCodes.Status403Forbidden
            ? TypedResults.StatusCode(StatusCodes.Status403Forbidden)
            : TypedResults.Unauthorized();
    }
}
