using CoordinationBot.Core.Conversations;
using CoordinationBot.Core.Plans;
using CoordinationBot.Core.StatusReports;

namespace CoordinationBot.Core.Reminders;

/// <summary>
/// Where a plan's focal agency is told about its rounds (overdue digests, undelivered cards): its registered channel
/// or its officers' chats, by the directory; the administrators' chats when the plan names no focal agency or none of
/// its officers can be reached — never the officers who may only import plans.
/// </summary>
public sealed class FocalRecipients(RecipientFinder recipients, IConversationReferenceStore conversations, IAdministrators administrators)
{
    public async Task<IReadOnlyList<ConversationReference>> FindAsync(Plan plan, string? tenantId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        if (plan.FocalAgency is { } focal)
        {
            var found = await recipients.FindAsync(tenantId, [focal], cancellationToken);
            if (found.Count > 0)
            {
                return found.Select(f => f.Reference).ToList();
            }
        }

        var chats = new List<ConversationReference>();
        await foreach (var reference in conversations.ListAsync(tenantId ?? ConversationReference.NoTenant, cancellationToken))
        {
            if (reference.ConversationType == "personal" && administrators.IsAdministrator(reference.AadObjectId))
            {
                chats.Add(reference);
            }
        }

        return chats;
    }
}

/// <summary>Port: the deployment's administrators (by Entra object id), who may run any plan's reporting.</summary>
public interface IAdministrators
{
    bool IsAdministrator(string? aadObjectId);
}
