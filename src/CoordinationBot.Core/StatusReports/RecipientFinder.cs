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

        await foreach (var (match, reference, _) in OfficersAsync(tenant, wanted, cancellationToken))
        {
            if (!byChannel.Contains(match))
            {
                found.Add((match, reference));
            }
        }

        return found;
    }

    /// <summary>
    /// The leaders of the wanted agencies (the directory's job title: Giám đốc, Phó Giám đốc, Chánh Văn phòng …) in their
    /// personal chats, with the title; an agency's channel is not a leader.
    /// </summary>
    public async Task<IReadOnlyList<(string Agency, ConversationReference Reference, string JobTitle)>> FindLeadersAsync(string? tenantId, IReadOnlyCollection<string> wanted, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(wanted);
        var leaders = new List<(string, ConversationReference, string)>();
        await foreach (var (agency, reference, title) in OfficersAsync(tenantId ?? ConversationReference.NoTenant, wanted, cancellationToken))
        {
            if (title is not null && Escalation.LeaderTitles.IsLeader(title, agency))
            {
                leaders.Add((agency, reference, title));
            }
        }

        return leaders;
    }

    /// <summary>The confirmed officers of the wanted agencies in their personal chats (under the agency's own name when a group covers it).</summary>
    private async IAsyncEnumerable<(string Agency, ConversationReference Reference, string? JobTitle)> OfficersAsync(string tenant, IReadOnlyCollection<string> wanted, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var reference in conversations.ListAsync(tenant, cancellationToken))
        {
            if (reference.ConversationType != "personal")
            {
                continue;
            }

            var asker = await agencies.ResolveAsync(reference.AadObjectId, cancellationToken);
            var match = asker.ConfirmedAgency is { } agency ? reporters.ReporterAmong(wanted, agency) : null;
            if (match is not null)
            {
                yield return (match, reference, asker.JobTitle);
            }
        }
    }
}
