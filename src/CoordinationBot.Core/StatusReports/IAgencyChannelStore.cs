using CoordinationBot.Core.Conversations;

namespace CoordinationBot.Core.StatusReports;

/// <summary>
/// Port: the team channel an agency registered, in one tenant, to receive its status cards (instead of its officers'
/// chats). A registration in one tenant never takes another tenant's cards.
/// </summary>
public interface IAgencyChannelStore
{
    Task SaveAsync(string tenantId, string agency, ConversationReference channel, CancellationToken cancellationToken);

    Task<ConversationReference?> GetAsync(string tenantId, string agency, CancellationToken cancellationToken);
}
