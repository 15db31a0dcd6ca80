namespace CoordinationBot.Core.Conversations;

/// <summary>
/// Port: installs the bot for the officers of an agency (Teams proactive installation), so that cards can reach
/// them. Teams then announces each install to the bot, which stores the conversation and sends the open cards.
/// </summary>
public interface IAppInstaller
{
    /// <summary>Whether installing is set up (the app's catalog id and the Graph permission); else an administrator must.</summary>
    bool IsConfigured { get; }

    Task<AgencyInstall> InstallForAgencyAsync(string agency, CancellationToken cancellationToken);
}

/// <summary>What installing for one agency did: officers the directory lists for it, installed (or already), failed.</summary>
public sealed record AgencyInstall(string Agency, int Officers, int Installed, int Failed);

/// <summary>No installing configured (local development, or no catalog id): the answer says what the administrator must do.</summary>
public sealed class NoAppInstaller : IAppInstaller
{
    public bool IsConfigured => false;

    public Task<AgencyInstall> InstallForAgencyAsync(string agency, CancellationToken cancellationToken) =>
        Task.FromResult(new AgencyInstall(agency, 0, 0, 0));
}
