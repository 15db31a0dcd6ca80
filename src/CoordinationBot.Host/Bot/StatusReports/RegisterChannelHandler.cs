using CoordinationBot.BotFramework.Routing;
using CoordinationBot.BotFramework.Schema;
using CoordinationBot.Core.Commands;
using CoordinationBot.Core.People;
using CoordinationBot.Core.StatusReports;
using CoordinationBot.Host.Resources;
using Microsoft.Extensions.Options;

namespace CoordinationBot.Host.Bot.StatusReports;

/// <summary>
/// "đăng ký kênh báo cáo" in a team channel: the officer's agency (from the directory, never from the message) gets
/// its status cards in this channel from now on.
/// </summary>
public sealed class RegisterChannelHandler(IAgencyChannelStore channels, AskerAgencyResolver askers, IOptions<BotLanguageOptions> language, TimeProvider time) : IActivityHandler
{
    public ActivityRoute Route { get; } = new(ActivityTypes.Message, CommandCatalog.RegisterChannel);

    public async Task<InvokeResponse?> HandleAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var culture = language.Value.CultureFor(turn.Activity.Locale);
        var reference = turn.Activity.ToConversationReference(time.GetUtcNow());
        if (reference is null || reference.ConversationType != "channel")
        {
            await turn.ReplyAsync(BotText.Get("ChannelOnlyInChannel", culture), cancellationToken);
            return null;
        }

        var agency = (await askers.ResolveAsync(turn.Activity.From?.AadObjectId, cancellationToken)).Agency;
        if (agency is null)
        {
            await turn.ReplyAsync(BotText.Get("Problem_UserHasNoAgency", culture), cancellationToken);
            return null;
        }

        // A new post goes to the channel itself, not into the thread the command was typed in.
        var channelId = reference.ConversationId.Split(";messageid=", 2)[0];
        await channels.SaveAsync(agency, reference with { ConversationId = channelId }, cancellationToken);
        await turn.ReplyAsync(string.Format(culture, BotText.Get("ChannelRegistered", culture), agency), cancellationToken);
        return null;
    }
}
