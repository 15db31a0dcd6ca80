using System.Security.Cryptography;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace CoordinationBot.IntegrationTests.Fixtures;

/// <summary>Tokens shaped like the Bot Connector's, signed by a key the test host trusts (or a forger's).</summary>
public sealed class TestTokens : IDisposable
{
    public const string Issuer = "https://api.botframework.com";
    private readonly RSA trusted = RSA.Create(2048);
    private readonly RSA forger = RSA.Create(2048);

    public TestTokens()
    {
        SigningKeys = new StaticConfigurationManager<OpenIdConnectConfiguration>(CoordinationBot.Testing.SigningKeys.Configuration(Issuer, (trusted, "trusted", ["msteams"])));
    }

    public StaticConfigurationManager<OpenIdConnectConfiguration> SigningKeys { get; }

    public string Create(string audience, string serviceUrl, DateTime? expires = null, bool forged = false, string issuer = Issuer)
    {
        var key = forged ? new RsaSecurityKey(forger) { KeyId = "trusted" } : new RsaSecurityKey(trusted) { KeyId = "trusted" };
        var expiry = expires ?? DateTime.UtcNow.AddMinutes(30);
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            NotBefore = expiry.AddHours(-1),
            IssuedAt = expiry.AddHours(-1),
            Expires = expiry,
            Claims = new Dictionary<string, object> { ["serviceurl"] = serviceUrl },
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.RsaSha256),
        });
    }

    public void Dispose()
    {
        trusted.Dispose();
        forger.Dispose();
    }
}
