namespace CoordinationBot.Graph.Installation;

/// <summary>
/// Configuration section <c>AppInstall</c>: with <see cref="CatalogAppId"/> (the app's id in the organisation's Teams
/// app catalog) set, the bot installs itself for officers who cannot be reached, with the application permission
/// <c>TeamsAppInstallation.ReadWriteForUser.All</c> granted to its identity.
/// </summary>
public sealed class AppInstallOptions
{
    public const string SectionName = "AppInstall";

    public string? CatalogAppId { get; set; }

    /// <summary>At most this many officers of one agency are installed for at once.</summary>
    public int MaxOfficersPerAgency { get; set; } = 50;
}
