using CoordinationBot.Core.Plans;
using CoordinationBot.Core.Conversations;
using CoordinationBot.Core.People;

namespace CoordinationBot.Core.StatusReports;

/// <summary>
/// Where an agency's cards go, in the round's tenant: its registered channel, or the personal chats of its officers.
/// Only confirmed members are recipients: an officer's own unconfirmed pick does not bring the agency's cards.
/// </summary>
public sealed class RecipientFinder(IConversationReferenceStore conversations, AskerAgencyResolver agencies, PlanReporters reporters, IAgencyChannelStore channels)
{
    /// <summary>
    /// An agency's registered team channel when it has one, otherwise its officers' personal chats. An officer whose
    /// agency a wanted group covers is reached under the agency's own name.
    /// </summary>
    public async Task<IReadOnlyList<(string Agency, ConversationReference Reference)>> FindAsync(string? tenantId, IReadOnlyCollection<string> wanted, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(wanted);
        var found = new List<(string, ConversationReference)>();
        var byChannel = new HashSet<string>(StringComparer.Ordinal);
        var tenant = tenantId ?? ConversationReference.NoTenant;
        foreach (var agency in wanted)
        {
            if (await channels.GetAsync(tenant, agency, cancellationToken) is { } channel && channel.TenantId == tenantId)
            {
                found.Add((agency, channel));
                byChannel.Add(agency);
            }
        }

        await foreach (var reference in conversations.ListAsync(tenant, cancellationToken))
        {
            if (reference.ConversationType != "personal")
            {
                continue;
            }

            var agency = (await agencies.ResolveAsync(reference.AadObjectId, cancellationToken)).ConfirmedAgency;
            var match = agency is null ? null : reporters.ReporterAmong(wanted, agency);
            if (match is not null && !byChannel.Contains(match))
            {
                found.Add((match, reference));
            }
        }

        return found;
    }
}
