using CoordinationBot.BotFramework.Schema;

namespace CoordinationBot.BotFramework.Routing;

/// <summary>Handles the activities of one route. Invoke handlers return the invoke response; others return null.</summary>
public interface IActivityHandler
{
    ActivityRoute Route { get; }

    /// <summary>
    /// True when the turn may run after the activity is acknowledged: its only effect is a reply through the
    /// connector, so the channel's HTTP request need not wait for it. Turns that store anything stay synchronous.
    /// </summary>
    bool AnswersAfterAcknowledging => false;

    Task<InvokeResponse?> HandleAsync(TurnContext turn, CancellationToken cancellationToken);
}
