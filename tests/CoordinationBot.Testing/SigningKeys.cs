using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace CoordinationBot.Testing;

/// <summary>
/// OpenID metadata as the Bot Framework publishes it: a JSON key set whose keys carry the channels they are endorsed
/// for, read by the same IdentityModel parser the bot's metadata retriever uses.
/// </summary>
public static class SigningKeys
{
    public static OpenIdConnectConfiguration Configuration(string issuer, params (RSA Key, string KeyId, string[] Endorsements)[] keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var set = new JsonArray();
        foreach (var (key, keyId, endorsements) in keys)
        {
            var parameters = key.ExportParameters(includePrivateParameters: false);
            set.Add(new JsonObject
            {
                ["kty"] = "RSA",
                ["use"] = "sig",
                ["kid"] = keyId,
                ["n"] = Base64UrlEncoder.Encode(parameters.Modulus),
                ["e"] = Base64UrlEncoder.Encode(parameters.Exponent),
                ["endorsements"] = new JsonArray([.. endorsements.Select(e => (JsonNode)e)]),
            });
        }

        var configuration = new OpenIdConnectConfiguration { Issuer = issuer, JsonWebKeySet = new JsonWebKeySet(new JsonObject { ["keys"] = set }.ToJsonString()) };
        foreach (var signingKey in configuration.JsonWebKeySet.GetSigningKeys())
        {
            configuration.SigningKeys.Add(signingKey);
        }

        return configuration;
    }
}
