using System.Net;
using CoordinationBot.BotFramework.Schema;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace CoordinationBot.BotFramework.Authentication;

/// <summary>
/// Authenticates activities sent by the Bot Connector: a Bearer JWT signed with a key from the Bot Framework
/// OpenID metadata and endorsed for the activity's <c>channelId</c>, issuer <c>https://api.botframework.com</c>,
/// audience = the app id, 5 minutes of clock skew, and a <c>serviceUrl</c> claim equal to the activity's. Without an
/// app id (local development) only loopback callers are accepted, anonymously. In both modes the activity's two tenant
/// ids must agree and its <c>serviceUrl</c> must be one the bot may post to (<see cref="BotFrameworkOptions.IsTrustedServiceUrl"/>).
/// </summary>
public sealed class InboundAuthenticator(
    IOptions<BotFrameworkOptions> options,
    IConfigurationManager<OpenIdConnectConfiguration> metadata,
    TimeProvider timeProvider)
{
    private readonly JsonWebTokenHandler handler = new();

    /// <summary>The first check, before the body is read: is there anything to validate at all?</summary>
    public AuthenticationOutcome? PreCheck(string? authorizationHeader, IPAddress? remoteAddress)
    {
        if (options.Value.IsDevelopmentMode)
        {
            return remoteAddress is not null && IPAddress.IsLoopback(remoteAddress)
                ? null
                : AuthenticationOutcome.Unauthorized("Anonymous requests are accepted from loopback only.");
        }

        return TryGetBearer(authorizationHeader) is null
            ? AuthenticationOutcome.Unauthorized("Missing Bearer token.")
            : null;
    }

    public async Task<AuthenticationOutcome> AuthenticateAsync(string? authorizationHeader, Activity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var settings = options.Value;
        var outcome = settings.IsDevelopmentMode
            ? AuthenticationOutcome.Anonymous
            : await ValidateTokenAsync(TryGetBearer(authorizationHeader), activity, settings, cancellationToken);
        if (!outcome.Succeeded)
        {
            return outcome;
        }

        if (activity.Conversation?.TenantId is { Length: > 0 } conversationTenant && activity.GetChannelData()?.Tenant?.Id is { Length: > 0 } channelTenant
            && !string.Equals(conversationTenant, channelTenant, StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticationOutcome.Forbidden("The activity's conversation.tenantId and channelData.tenant.id differ.");
        }

        if (activity.ServiceUrl is not null && !settings.IsTrustedServiceUrl(activity.ServiceUrl))
        {
            return AuthenticationOutcome.Forbidden("The activity's serviceUrl is not a trusted Bot Connector host.");
        }

        if (settings.AllowedTenants.Count > 0)
        {
            var tenant = activity.GetTenantId();
            if (tenant is null || !settings.AllowedTenants.Contains(tenant, StringComparer.OrdinalIgnoreCase))
            {
                return AuthenticationOutcome.Forbidden("Tenant not allowed.");
            }
        }

        return outcome;
    }

    private async Task<AuthenticationOutcome> ValidateTokenAsync(string? token, Activity activity, BotFrameworkOptions settings, CancellationToken cancellationToken)
    {
        if (token is null)
        {
            return AuthenticationOutcome.Unauthorized("Missing Bearer token.");
        }

        OpenIdConnectConfiguration configuration;
        try
        {
            configuration = await metadata.GetConfigurationAsync(cancellationToken);
        }
        catch (InvalidOperationException)
        {
            return AuthenticationOutcome.Unauthorized("Signing keys unavailable.");
        }

        var parameters = new TokenValidationParameters
        {
            ValidIssuer = settings.Issuer,
            ValidAudience = settings.AppId,
            IssuerSigningKeys = configuration.SigningKeys,
            ValidateIssuerSigningKey = true,
            RequireSignedTokens = true,
            RequireExpirationTime = true,
            ValidateLifetime = true,
            ClockSkew = TokenLifetime.ClockSkew,
            LifetimeValidator = TokenLifetime.Validator(timeProvider),
        };

        var result = await handler.ValidateTokenAsync(token, parameters);
        if (!result.IsValid)
        {
            if (result.Exception is SecurityTokenSignatureKeyNotFoundException)
            {
                // Keys roll over: refresh once so a newly published key is picked up next time.
                metadata.RequestRefresh();
            }

            return AuthenticationOutcome.Unauthorized("Invalid token.");
        }

        if (!IsEndorsed(configuration, (result.SecurityToken as JsonWebToken)?.Kid, activity.ChannelId))
        {
            return AuthenticationOutcome.Unauthorized("The signing key is not endorsed for the activity's channel.");
        }

        var serviceUrl = result.ClaimsIdentity.FindFirst("serviceurl")?.Value ?? result.ClaimsIdentity.FindFirst("serviceUrl")?.Value;
        if (serviceUrl is null || !string.Equals(serviceUrl.TrimEnd('/'), activity.ServiceUrl?.TrimEnd('/'), StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticationOutcome.Unauthorized("The token's serviceUrl does not match the activity.");
        }

        return AuthenticationOutcome.Authenticated(result.ClaimsIdentity);
    }

    /// <summary>
    /// The Bot Framework publishes, with each signing key, the channels it may sign for ("endorsements"); a token
    /// signed by a key not endorsed for the activity's channel is not the channel's (Microsoft's SDK checks the same).
    /// </summary>
    private static bool IsEndorsed(OpenIdConnectConfiguration configuration, string? keyId, string? channelId)
    {
        if (string.IsNullOrEmpty(channelId) || keyId is null)
        {
            return false;
        }

        var key = configuration.JsonWebKeySet?.Keys.FirstOrDefault(k => string.Equals(k.Kid, keyId, StringComparison.Ordinal));
        if (key is null || !key.AdditionalData.TryGetValue("endorsements", out var endorsements))
        {
            return false;
        }

        IEnumerable<string?> channels = endorsements switch
        {
            System.Text.Json.JsonElement { ValueKind: System.Text.Json.JsonValueKind.Array } array => array.EnumerateArray().Select(e => e.ValueKind == System.Text.Json.JsonValueKind.String ? e.GetString() : null),
            IEnumerable<object> list => list.Select(e => e?.ToString()),
            _ => [],
        };
        return channels.Any(c => string.Equals(c, channelId, StringComparison.OrdinalIgnoreCase));
    }

    private static string? TryGetBearer(string? header)
    {
        const string Prefix = "Bearer ";
        return header is not null && header.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase) && header.Length > Prefix.Length
            ? header[Prefix.Length..].Trim()
            : null;
    }
}
