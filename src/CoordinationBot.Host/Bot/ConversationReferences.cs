using CoordinationBot.BotFramework.Schema;
using CoordinationBot.Core.Conversations;

namespace CoordinationBot.Host.Bot;

/// <summary>The core's conversation reference read from an incoming activity, and a message written back into it.</summary>
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

    /// <summary>A proactive message with <paramref name="card"/> into the conversation <paramref name="reference"/> names.</summary>
    public static Activity ToMessage(this ConversationReference reference, System.Text.Json.Nodes.JsonObject card, string? summary)
    {
        ArgumentNullException.ThrowIfNull(reference);
        return new Activity
        {
            Type = ActivityTypes.Message,
            ServiceUrl = reference.ServiceUrl,
            ChannelId = reference.ChannelId,
            Conversation = new ConversationAccount { Id = reference.ConversationId, TenantId = reference.TenantId },
            From = new ChannelAccount { Id = reference.BotId },
            Recipient = reference.UserId is null ? null : new ChannelAccount { Id = reference.UserId, AadObjectId = reference.AadObjectId },
            Attachments = [Attachment.AdaptiveCard(card)],
            Summary = summary,
        };
    }
}
