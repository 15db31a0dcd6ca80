using CoordinationBot.BotFramework.Routing;
using CoordinationBot.BotFramework.Schema;
using CoordinationBot.Core.Commands;
using CoordinationBot.Core.People;
using CoordinationBot.Core.StatusReports;
using CoordinationBot.Host.Resources;
using Microsoft.Extensions.Options;
using CoordinationBot.Host.Bot;

namespace CoordinationBot.Host.Features.StatusReports;

/// <summary>
/// "đăng ký kênh báo cáo" in a team channel: the officer's confirmed agency (from the directory or confirmed by the
/// focal agency, never from the message or an unconfirmed pick) gets its status cards of this tenant in this channel.
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

        var asker = await askers.ResolveAsync(turn.Activity.From?.AadObjectId, cancellationToken);
        if (asker.ConfirmedAgency is not { } agency)
        {
            await turn.ReplyAsync(asker.AwaitsConfirmation ? NotConfirmed.Text(asker, culture) : BotText.Get("Problem_UserHasNoAgency", culture), cancellationToken);
            return null;
        }

        if (string.IsNullOrEmpty(reference.TenantId))
        {
            await turn.ReplyAsync(BotText.Get("ChannelOnlyInChannel", culture), cancellationToken);
            return null;
        }

        // A new post goes to the channel itself, not into the thread the command was typed in.
        var channelId = reference.ConversationId.Split(";messageid=", 2)[0];
        await channels.SaveAsync(reference.TenantId, agency, reference with { ConversationId = channelId }, cancellationToken);
        await turn.ReplyAsync(string.Format(culture, BotText.Get("ChannelRegistered", culture), agency), cancellationToken);
        return null;
    }
}
