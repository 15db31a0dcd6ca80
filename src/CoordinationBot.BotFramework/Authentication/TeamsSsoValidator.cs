using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace CoordinationBot.BotFramework.Authentication;

/// <summary>
/// Validates the Microsoft Entra token Teams gives a tab by single sign-on: signed with one of Entra's published keys
/// (RS256), unexpired (5 minutes of skew), audience the tab's <c>api://&lt;domain&gt;/&lt;client id&gt;</c> or its client id (<see cref="TeamsSsoOptions.ClientId"/>, else the bot's app id), and
/// issued by the token's own tenant (<c>https://login.microsoftonline.com/{tid}/v2.0</c> or <c>https://sts.windows.net/{tid}/</c>),
/// a tenant the bot accepts (<see cref="BotFrameworkOptions.AllowedTenants"/>, else the bot's own tenant when set).
/// </summary>
public sealed class TeamsSsoValidator(IOptions<BotFrameworkOptions> bot, IOptions<TeamsSsoOptions> tab, TeamsSsoKeys keys, TimeProvider time)
{
    private readonly JsonWebTokenHandler handler = new();

    /// <summary>The user's object id and tenant, or null when the token is not one to trust.</summary>
    public async Task<SsoUser?> ValidateAsync(string? token, CancellationToken cancellationToken)
    {
        var settings = bot.Value;
        if (string.IsNullOrWhiteSpace(token) || string.IsNullOrWhiteSpace(settings.AppId) || !handler.CanReadToken(token))
        {
            return null;
        }

        var tenant = handler.ReadJsonWebToken(token).TryGetPayloadValue<string>("tid", out var tid) ? tid : null;
        if (tenant is null || !Guid.TryParse(tenant, out _) || !TenantAccepted(settings, tenant))
        {
            return null;
        }

        OpenIdConnectConfiguration configuration;
        try
        {
            configuration = await keys.Manager.GetConfigurationAsync(cancellationToken);
        }
        catch (InvalidOperationException)
        {
            return null;
        }

        var result = await handler.ValidateTokenAsync(token, new TokenValidationParameters
        {
            ValidAudiences = Audiences(tab.Value.ClientId is { Length: > 0 } client ? client : settings.AppId, tab.Value.Domain),
            ValidIssuers = [$"https://login.microsoftonline.com/{tenant}/v2.0", $"https://sts.windows.net/{tenant}/"],
            IssuerSigningKeys = configuration.SigningKeys,
            ValidAlgorithms = [SecurityAlgorithms.RsaSha256],
            ValidateIssuerSigningKey = true,
            RequireSignedTokens = true,
            RequireExpirationTime = true,
            ValidateLifetime = true,
            ClockSkew = TokenLifetime.ClockSkew,
            LifetimeValidator = TokenLifetime.Validator(time),
        });
        if (!result.IsValid)
        {
            if (result.Exception is SecurityTokenSignatureKeyNotFoundException)
            {
                keys.Manager.RequestRefresh();
            }

            return null;
        }

        var objectId = result.ClaimsIdentity.FindFirst("oid")?.Value ?? result.ClaimsIdentity.FindFirst("http://schemas.microsoft.com/identity/claims/objectidentifier")?.Value;
        return objectId is null ? null : new SsoUser(objectId, tenant, result.ClaimsIdentity.FindFirst("name")?.Value);
    }

    /// <summary>The Application ID URI Teams asks a token for, and the app id a v2 token names.</summary>
    public static IReadOnlyList<string> Audiences(string appId, string? domain) =>
        domain is { Length: > 0 } ? [$"api://{domain}/{appId}", appId] : [appId];

    private static bool TenantAccepted(BotFrameworkOptions settings, string tenant) =>
        settings.AllowedTenants.Count > 0
            ? settings.AllowedTenants.Contains(tenant, StringComparer.OrdinalIgnoreCase)
            : settings.AppTenantId is not { Length: > 0 } own || string.Equals(own, tenant, StringComparison.OrdinalIgnoreCase);
}

/// <summary>The signed-in Teams user a valid SSO token names.</summary>
public sealed record SsoUser(string AadObjectId, string TenantId, string? Name);

/// <summary>Entra's signing keys, fetched and refreshed by IdentityModel (replaced by a static set in tests).</summary>
public sealed class TeamsSsoKeys(IConfigurationManager<OpenIdConnectConfiguration> manager)
{
    public IConfigurationManager<OpenIdConnectConfiguration> Manager { get; } = manager;
}
