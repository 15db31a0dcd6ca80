using CoordinationBot.BotFramework.Schema;

namespace CoordinationBot.BotFramework.Routing;

/// <summary>Handles the activities of one route. Invoke handlers return the invoke response; others return null.</summary>
public interface IActivityHandler
{
    ActivityRoute Route { get; }

    Task<InvokeResponse?> HandleAsync(TurnContext turn, CancellationToken cancellationToken);
}
