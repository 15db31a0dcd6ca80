using Azure.Core;
using Azure.Identity;
using Microsoft.Extensions.Options;

namespace CoordinationBot.BotFramework.Connector;

/// <summary>
/// Client-credentials tokens with scope <c>https://api.botframework.com/.default</c> from a client secret,
/// a certificate or a managed identity (Azure.Identity caches and refreshes them).
/// </summary>
public sealed class CredentialBotTokenProvider(IOptions<BotFrameworkOptions> options) : IBotTokenProvider
{
    private readonly Lazy<TokenCredential?> credential = new(() => CreateCredential(options.Value));

    public async ValueTask<string?> GetTokenAsync(CancellationToken cancellationToken)
    {
        if (credential.Value is not { } source)
        {
            return null;
        }

        var token = await source.GetTokenAsync(new TokenRequestContext([options.Value.OutboundScope]), cancellationToken);
        return token.Token;
    }

    internal static TokenCredential? CreateCredential(BotFrameworkOptions settings)
    {
        if (settings.IsDevelopmentMode)
        {
            return null;
        }

        if (settings.UseManagedIdentity)
        {
            return new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(settings.AppId!));
        }

        var tenant = string.IsNullOrWhiteSpace(settings.AppTenantId) ? "botframework.com" : settings.AppTenantId;
        if (!string.IsNullOrWhiteSpace(settings.CertificatePath))
        {
            return new ClientCertificateCredential(tenant, settings.AppId, settings.CertificatePath);
        }

        if (!string.IsNullOrWhiteSpace(settings.AppPassword))
        {
            return new ClientSecretCredential(tenant, settings.AppId, settings.AppPassword);
        }

        throw new InvalidOperationException("Bot:AppId is set but no credential is: set Bot:AppPassword, Bot:CertificatePath or Bot:UseManagedIdentity.");
    }
}
