namespace CoordinationBot.BotFramework;

/// <summary>Configuration section <c>Bot</c>.</summary>
public sealed class BotFrameworkOptions
{
    public const string SectionName = "Bot";

    /// <summary>The bot's Microsoft App ID. Empty means local development: anonymous requests from loopback only.</summary>
    public string? AppId { get; set; }

    /// <summary>The bot's own tenant (single-tenant bots) for outbound tokens.</summary>
    public string? AppTenantId { get; set; }

    /// <summary>Client secret (user secrets or environment only, never appsettings in git).</summary>
    public string? AppPassword { get; set; }

    /// <summary>Path of a PFX certificate used instead of a secret.</summary>
    public string? CertificatePath { get; set; }

    /// <summary>Use the Azure managed identity (user-assigned when <see cref="AppId"/> is its client id).</summary>
    public bool UseManagedIdentity { get; set; }

    /// <summary>Tenants whose activities are accepted; empty accepts every tenant.</summary>
    public IList<string> AllowedTenants { get; } = [];

    public Uri OpenIdMetadataUrl { get; set; } = new("https://login.botframework.com/v1/.well-known/openidconfiguration");

    public string Issuer { get; set; } = "https://api.botframework.com";

    public string OutboundScope { get; set; } = "https://api.botframework.com/.default";

    /// <summary>Largest accepted activity body.</summary>
    public int MaxActivityBytes { get; set; } = 256 * 1024;

    /// <summary>Bounded retries of connector calls (429, 412, 5xx, timeouts).</summary>
    public int MaxConnectorRetries { get; set; } = 4;

    public TimeSpan ConnectorBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan ConnectorAttemptTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The longest Retry-After the client waits for before giving up on the call.</summary>
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Hosts of the Bot Connector the bot may post to (https): Teams' public and government clouds by default; an
    /// entry "*.example" matches its subdomains. Loopback is trusted in local development only, or when listed here.
    /// </summary>
    public IList<string> TrustedServiceHosts { get; } = [];

    public static IReadOnlyList<string> TeamsServiceHosts { get; } =
    [
        "smba.trafficmanager.net", "*.botframework.com", "smba.infra.gcc.teams.microsoft.com",
        "smba.infra.gov.teams.microsoft.us", "smba.infra.dod.teams.microsoft.us", "*.botframework.azure.us",
    ];

    public bool IsDevelopmentMode => string.IsNullOrWhiteSpace(AppId);

    /// <summary>Whether the bot may send requests (with its token) to this service URL: no other host ever gets one.</summary>
    public bool IsTrustedServiceUrl(string serviceUrl)
    {
        if (!Uri.TryCreate(serviceUrl, UriKind.Absolute, out var uri) || uri.UserInfo.Length > 0)
        {
            return false;
        }

        var listed = TeamsServiceHosts.Concat(TrustedServiceHosts).Any(host => HostMatches(uri.Host, host));
        if (uri.IsLoopback)
        {
            return (IsDevelopmentMode || listed) && uri.Scheme is "http" or "https";
        }

        return uri.Scheme == Uri.UriSchemeHttps && listed;
    }

    /// <summary>Exact host, or a subdomain of "*.domain"; case-insensitive.</summary>
    public static bool HostMatches(string host, string pattern)
    {
        ArgumentNullException.ThrowIfNull(host);
        ArgumentNullException.ThrowIfNull(pattern);
        return pattern.StartsWith("*.", StringComparison.Ordinal)
            ? host.EndsWith(pattern[1..], StringComparison.OrdinalIgnoreCase) && host.Length > pattern.Length - 1
            : string.Equals(host, pattern, StringComparison.OrdinalIgnoreCase);
    }
}
