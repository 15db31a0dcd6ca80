using CoordinationBot.Core.Conversations;

namespace CoordinationBot.Core.StatusReports;

/// <summary>Port: the team channel an agency registered to receive its status cards (instead of its officers' chats).</summary>
public interface IAgencyChannelStore
{
    Task SaveAsync(string agency, ConversationReference channel, CancellationToken cancellationToken);

    Task<ConversationReference?> GetAsync(string agency, CancellationToken cancellationToken);
}
