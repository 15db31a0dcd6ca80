using System.Security.Claims;

namespace CoordinationBot.BotFramework.Authentication;

/// <summary>What inbound authentication decided. A failure carries the HTTP status to answer with.</summary>
public sealed record AuthenticationOutcome(bool Succeeded, int StatusCode, string? Reason, ClaimsIdentity? Identity)
{
    public static AuthenticationOutcome Anonymous { get; } = new(true, 200, null, null);

    public static AuthenticationOutcome Authenticated(ClaimsIdentity identity) => new(true, 200, null, identity);

    public static AuthenticationOutcome Unauthorized(string reason) => new(false, 401, reason, null);

    public static AuthenticationOutcome Forbidden(string reason) => new(false, 403, reason, null);
}
