using CoordinationBot.BotFramework.Schema;
using CoordinationBot.Core.Conversations;

namespace CoordinationBot.Host.Bot;

/// <summary>The core's conversation reference read from an incoming activity.</summary>
public static class ConversationReferences
{
    /// <summary>What is needed to write into this conversation later; null when the activity lacks it.</summary>
    public static ConversationReference? ToConversationReference(this Activity activity, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (activity.ServiceUrl is null || activity.Conversation?.Id is null || activity.Recipient?.Id is null)
        {
            return null;
        }

        return new(
            ChannelId: activity.ChannelId ?? "msteams",
            ServiceUrl: activity.ServiceUrl,
            ConversationId: activity.Conversation.Id,
            ConversationType: activity.Conversation.ConversationType ?? (activity.Conversation.IsGroup == true ? "groupChat" : "personal"),
            TenantId: activity.GetTenantId() ?? ConversationReference.NoTenant,
            BotId: activity.Recipient.Id,
            UserId: activity.From?.Id,
            AadObjectId: activity.From?.AadObjectId,
            TeamId: activity.GetChannelData()?.Team?.Id,
            UpdatedAt: now);
    }
}
