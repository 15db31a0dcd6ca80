using CoordinationBot.BotFramework.Routing;
using CoordinationBot.BotFramework.Schema;

namespace CoordinationBot.Host.Features.Conversations;

/// <summary>
/// installationUpdate: <c>remove</c> forgets the conversation; <c>add</c> and upgrades remember it. The greeting goes
/// with the conversationUpdate that Teams sends for the same install, so a user is greeted once.
/// </summary>
public sealed class InstallationUpdateHandler(ConversationGreeter greeter) : IActivityHandler
{
    public ActivityRoute Route { get; } = new(ActivityTypes.InstallationUpdate);

    public async Task<InvokeResponse?> HandleAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        switch (turn.Activity.Action)
        {
            case "remove":
                await greeter.UninstalledAsync(turn, cancellationToken);
                break;
            default:
                await greeter.RememberAsync(turn, cancellationToken);
                break;
        }

        return null;
    }
}
