using CoordinationBot.BotFramework.Connector;
using CoordinationBot.BotFramework.Schema;
using CoordinationBot.Host.Resources;
using Microsoft.Extensions.Options;
using CoordinationBot.Host.Telemetry;

namespace CoordinationBot.Host.Bot;

/// <summary>
/// The one place turn errors end: logged with the exception, the user told in Vietnamese what to do, never a stack
/// trace in chat. Invokes get the Adaptive Card error response.
/// </summary>
public sealed class TurnErrorHandler(IConnectorClient connector, IOptions<BotLanguageOptions> language, ILogger<TurnErrorHandler> logger)
{
    public async Task<InvokeResponse?> HandleAsync(Activity activity, Exception exception, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        BotLog.TurnFailed(logger, exception, activity.Type);
        BotTelemetry.TurnErrors.Add(1, new KeyValuePair<string, object?>("activity.type", activity.Type));
        var message = BotText.Get("TurnError", language.Value.CultureFor(activity.Locale));
        if (activity.Type == ActivityTypes.Invoke)
        {
            return new InvokeResponse(200, new System.Text.Json.Nodes.JsonObject
            {
                ["statusCode"] = 500,
                ["type"] = "application/vnd.microsoft.error",
                ["value"] = new System.Text.Json.Nodes.JsonObject { ["code"] = "InternalError", ["message"] = message },
            });
        }

        if (activity.Type != ActivityTypes.Message || activity.Conversation?.Id is null || activity.ServiceUrl is null)
        {
            return null;
        }

        try
        {
            await connector.ReplyToActivityAsync(activity.CreateReply(message), cancellationToken);
        }
        catch (Exception sendFailure) when (sendFailure is ConnectorException or HttpRequestException or OperationCanceledException or Polly.Timeout.TimeoutRejectedException)
        {
            BotLog.ErrorReplyFailed(logger, sendFailure);
        }

        return null;
    }
}
