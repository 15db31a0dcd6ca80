using System.Globalization;
using CoordinationBot.BotFramework.Routing;
using CoordinationBot.Host.Bot.Plans;
using CoordinationBot.Host.Resources;

namespace CoordinationBot.Host.Bot;

/// <summary>The server-side check of the focal agency's commands (rounds, consolidation): only its configured officers.</summary>
public static class FocalOfficerCheck
{
    /// <summary>The personal chats of the focal agency's officers in a tenant: where its digests and notices go.</summary>
    public static async IAsyncEnumerable<CoordinationBot.Core.Conversations.ConversationReference> FocalChatsAsync(
        this CoordinationBot.Core.Conversations.IConversationReferenceStore conversations,
        PlanImportOptions focal,
        string? tenantId,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(conversations);
        ArgumentNullException.ThrowIfNull(focal);
        await foreach (var reference in conversations.ListAsync(tenantId ?? "no-tenant", cancellationToken))
        {
            if (reference.ConversationType == "personal" && focal.MayImport(reference.AadObjectId))
            {
                yield return reference;
            }
        }
    }

    /// <summary>Replies that only the focal agency may do this and returns true when the sender is not one of its officers.</summary>
    public static async Task<bool> RefuseUnlessFocalAsync(this TurnContext turn, PlanImportOptions focal, CultureInfo culture, CancellationToken cancellationToken, string refusal = "RoundNotAllowed")
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(focal);
        if (focal.MayImport(turn.Activity.From?.AadObjectId))
        {
            return false;
        }

        await turn.ReplyAsync(BotText.Get(refusal, culture), cancellationToken);
        return true;
    }
}
