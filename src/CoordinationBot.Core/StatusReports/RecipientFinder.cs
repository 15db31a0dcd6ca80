using CoordinationBot.Core.Agencies;
using CoordinationBot.Core.Conversations;
using CoordinationBot.Core.People;

namespace CoordinationBot.Core.StatusReports;

/// <summary>The personal chats of the officers of given agencies: conversation references whose user works there.</summary>
public sealed class RecipientFinder(IConversationReferenceStore conversations, AskerAgencyResolver agencies, AgencyRegistry registry)
{
    public async Task<IReadOnlyList<(string Agency, ConversationReference Reference)>> FindAsync(string? tenantId, IReadOnlyCollection<string> wanted, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(wanted);
        var found = new List<(string, ConversationReference)>();
        await foreach (var reference in conversations.ListAsync(tenantId ?? "no-tenant", cancellationToken))
        {
            if (reference.ConversationType != "personal")
            {
                continue;
            }

            var agency = (await agencies.ResolveAsync(reference.AadObjectId, cancellationToken)).Agency;
            var match = agency is null ? null : wanted.FirstOrDefault(a => registry.SameAgency(a, agency));
            if (match is not null)
            {
                found.Add((match, reference));
            }
        }

        return found;
    }
}
