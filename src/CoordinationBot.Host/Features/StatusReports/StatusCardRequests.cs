using System.Globalization;
using CoordinationBot.BotFramework.Routing;
using CoordinationBot.Core.People;
using CoordinationBot.Core.StatusReports;
using CoordinationBot.Host.Resources;

namespace CoordinationBot.Host.Features.StatusReports;

/// <summary>A status card's "Gửi báo cáo" or "Lưu nháp" as a request for the core: the card's fields and who sent them.</summary>
public sealed class StatusCardRequests(AskerAgencyResolver askers)
{
    /// <returns>The request, or what to tell the sender instead (the card names no round, their agency awaits confirmation).</returns>
    public async Task<(SubmitStatusRequest? Request, string? Refusal)> ReadAsync(TurnContext turn, CultureInfo culture, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        if (StatusCard.Read(turn.Activity) is not var (roundId, agency, entries))
        {
            return (null, BotText.Get("Problem_UnknownRound", culture));
        }

        var asker = await askers.ResolveAsync(turn.Activity.From?.AadObjectId, cancellationToken);
        if (asker.AwaitsConfirmation)
        {
            return (null, NotConfirmed.Text(asker, culture));
        }

        var user = turn.Activity.From?.Name ?? turn.Activity.From?.AadObjectId ?? "?";
        return (new SubmitStatusRequest(roundId, agency, asker.ConfirmedAgency, user, turn.Activity.Id ?? Guid.NewGuid().ToString("N"), entries), null);
    }
}
