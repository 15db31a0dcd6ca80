namespace CoordinationBot.BotFramework.Authentication;

/// <summary>
/// Configuration section <c>Tab</c>: the Teams SSO token a tab sends (<c>authentication.getAuthToken</c>). Its audience
/// is the app's Application ID URI <c>api://&lt;domain&gt;/&lt;client id&gt;</c> (Entra v1 tokens) or the app id (v2).
/// </summary>
public sealed class TeamsSsoOptions
{
    public const string SectionName = "Tab";

    /// <summary>The host the tab is served from, as in the manifest's <c>webApplicationInfo.resource</c>.</summary>
    public string? Domain { get; set; }

    /// <summary>
    /// The Entra app registration whose API the tab's token is for (the manifest's <c>webApplicationInfo.id</c>); empty:
    /// <see cref="BotFrameworkOptions.AppId"/>. A bot on a managed identity needs a registration of its own here, since a
    /// managed identity cannot expose an API for Teams to ask a token for.
    /// </summary>
    public string? ClientId { get; set; }

    /// <summary>Microsoft Entra's keys for every tenant (the token's own tenant is checked against its issuer).</summary>
    public Uri OpenIdMetadataUrl { get; set; } = new("https://login.microsoftonline.com/common/v2.0/.well-known/openid-configuration");
}
