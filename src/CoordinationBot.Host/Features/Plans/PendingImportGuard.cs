using CoordinationBot.BotFramework.Routing;
using CoordinationBot.BotFramework.Schema;
using CoordinationBot.Core.Plans.Import;
using Microsoft.Extensions.Options;

namespace CoordinationBot.Host.Features.Plans;

/// <summary>
/// Card data is never trusted: the preview id must be well-formed and still pending, not expired, and the person
/// acting must be the one who sent the file and still be allowed to import (from the activity, not the card).
/// </summary>
public sealed class PendingImportGuard(IPendingImportStore pending, IOptions<PlanImportOptions> options, TimeProvider time)
{
    public async Task<(PendingImport? Pending, string? ProblemText)> ResolveAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var id = turn.Activity.GetCardString(PlanPreviewCard.PendingField);
        if (id is null || !Guid.TryParseExact(id, "N", out _))
        {
            return (null, "PreviewGone");
        }

        var found = await pending.GetAsync(id, cancellationToken);
        if (found is null || time.GetUtcNow() - found.CreatedAt > options.Value.PreviewLifetime)
        {
            return (null, "PreviewGone");
        }

        var user = turn.Activity.From?.AadObjectId;
        if (!string.Equals(found.UploaderAadObjectId, user, StringComparison.OrdinalIgnoreCase) || !options.Value.MayImport(user))
        {
            return (null, "NotYourPreview");
        }

        return (found, null);
    }
}
