using CoordinationBot.BotFramework.Routing;
using CoordinationBot.BotFramework.Schema;

namespace CoordinationBot.Host.Features.Conversations;

/// <summary>
/// conversationUpdate: the bot added to a conversation (greet and remember it), removed (forget it), or any other
/// change (refresh the stored reference).
/// </summary>
public sealed class ConversationUpdateHandler(ConversationGreeter greeter) : IActivityHandler
{
    public ActivityRoute Route { get; } = new(ActivityTypes.ConversationUpdate);

    public async Task<InvokeResponse?> HandleAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var botId = turn.Activity.Recipient?.Id;
        if (Contains(turn.Activity.MembersRemoved, botId))
        {
            await greeter.UninstalledAsync(turn, cancellationToken);
        }
        else if (Contains(turn.Activity.MembersAdded, botId))
        {
            await greeter.InstalledAsync(turn, cancellationToken);
        }
        else
        {
            await greeter.RememberAsync(turn, cancellationToken);
        }

        return null;
    }

    private static bool Contains(IReadOnlyList<ChannelAccount>? members, string? id) =>
        id is not null && members is not null && members.Any(member => string.Equals(member.Id, id, StringComparison.Ordinal));
}
