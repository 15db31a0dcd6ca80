namespace CoordinationBot.Host.Features.Plans;

/// <summary>Configuration section <c>Plans</c>: who may import plans in chat, and how long a preview waits.</summary>
public sealed class PlanImportOptions
{
    public const string SectionName = "Plans";

    /// <summary>Microsoft Entra object ids of the users who may import new plans. Empty: nobody.</summary>
    public IList<string> Importers { get; } = [];

    /// <summary>
    /// Microsoft Entra object ids of the administrators, who may run every plan's reporting; otherwise a plan's reporting
    /// is run by the officers of its own focal agency (from the directory). Empty: nobody besides those.
    /// </summary>
    public IList<string> Administrators { get; } = [];

    public TimeSpan PreviewLifetime { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>
    /// Hosts plan files may be downloaded from besides Teams' own (SharePoint and OneDrive, which hold every file sent
    /// in Teams); "*.domain" matches its subdomains.
    /// </summary>
    public IList<string> FileHosts { get; } = [];

    public static IReadOnlyList<string> TeamsFileHosts { get; } = ["*.sharepoint.com", "*.sharepoint.us", "*.sharepoint-mil.us", "*.sharepoint.cn", "*.sharepoint.de"];

    public bool MayImport(string? aadObjectId) =>
        aadObjectId is not null && Importers.Contains(aadObjectId, StringComparer.OrdinalIgnoreCase);

    public bool IsAdministrator(string? aadObjectId) =>
        aadObjectId is not null && Administrators.Contains(aadObjectId, StringComparer.OrdinalIgnoreCase);
}
