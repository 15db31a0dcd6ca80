using Microsoft.IdentityModel.Tokens;

namespace CoordinationBot.BotFramework.Authentication;

/// <summary>A token's lifetime against the injected clock (not IdentityModel's wall clock), with 5 minutes of skew either way.</summary>
internal static class TokenLifetime
{
    public static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    public static LifetimeValidator Validator(TimeProvider time) => (notBefore, expires, _, _) =>
    {
        var now = time.GetUtcNow().UtcDateTime;
        return expires is not null
            && now <= expires.Value.ToUniversalTime() + ClockSkew
            && (notBefore is null || now >= notBefore.Value.ToUniversalTime() - ClockSkew);
    };
}
