using System.Net;
using CoordinationBot.BotFramework;
using CoordinationBot.BotFramework.Authentication;
using CoordinationBot.Core.Board;
using CoordinationBot.Core.People;
using CoordinationBot.Host.Apis;
using CoordinationBot.Host.Features.Plans;
using Microsoft.Extensions.Options;

namespace CoordinationBot.Host.Features.Board;

/// <summary>
/// Who calls the board's API: the Teams SSO token validated in full (<see cref="TeamsSsoValidator"/>), mapped to an
/// agency by the same directory as chat. Without an app id (local development) and from loopback only, a development
/// sign-in as one of the directory's users ("Development &lt;object id&gt;"); nowhere else is that accepted.
/// </summary>
public sealed class TabSignIn(TeamsSsoValidator sso, IOptions<BotFrameworkOptions> bot, AskerAgencyResolver askers, IOptions<PlanImportOptions> imports)
{
    public const string DevelopmentScheme = "Development ";

    public bool IsDevelopment => bot.Value.IsDevelopmentMode;

    /// <summary>Whether this request may sign in as a directory user: no app id, and a caller on loopback.</summary>
    public bool AllowsDevelopmentSignIn(HttpContext http) =>
        IsDevelopment && CallerAddress.Of(http) is { } caller && IPAddress.IsLoopback(caller);

    /// <summary>The viewer, or null (401): no token, a token not to trust, or a development sign-in where none is allowed.</summary>
    public async Task<BoardViewer?> ViewerAsync(HttpContext http, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(http);
        var header = http.Request.Headers.Authorization.ToString();
        string objectId;
        string? tenant = null;
        if (IsDevelopment)
        {
            if (!AllowsDevelopmentSignIn(http) || !header.StartsWith(DevelopmentScheme, StringComparison.Ordinal))
            {
                return null;
            }

            objectId = header[DevelopmentScheme.Length..].Trim();
            if (objectId.Length is 0 or > 64 || !objectId.All(c => char.IsAsciiHexDigit(c) || c == '-'))
            {
                return null;
            }
        }
        else
        {
            var user = header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? await sso.ValidateAsync(header[7..].Trim(), cancellationToken) : null;
            if (user is null)
            {
                return null;
            }

            (objectId, tenant) = (user.AadObjectId, user.TenantId);
        }

        var administrator = imports.Value.IsAdministrator(objectId);
        var agency = administrator ? null : (await askers.ResolveAsync(objectId, cancellationToken)).ConfirmedAgency;
        return new BoardViewer(objectId, agency, administrator, tenant);
    }
}
