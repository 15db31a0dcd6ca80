using CoordinationBot.Core.Text;
using CoordinationBot.BotFramework.Routing;
using CoordinationBot.BotFramework.Schema;
using CoordinationBot.Core.StatusReports;
using CoordinationBot.Host.Resources;
using Microsoft.Extensions.Options;
using CoordinationBot.Host.Bot;

namespace CoordinationBot.Host.Features.StatusReports;

/// <summary>
/// "Lưu nháp" on a status card: the core keeps the card's fields as the agency's draft, not sent; the card comes back
/// with them and says so. What cannot be kept comes back as typed, with what to fix.
/// </summary>
public sealed class SaveDraftCardHandler(
    SaveDraftHandler drafts,
    StatusCardRequests requests,
    StatusCardQuery cards,
    IOptions<BotLanguageOptions> language,
    TimeProvider time) : IActivityHandler
{
    public ActivityRoute Route { get; } = new(ActivityTypes.Invoke, RouteNames.CardVerb(StatusCard.DraftVerb));

    public async Task<InvokeResponse?> HandleAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var culture = language.Value.CultureFor(turn.Activity.Locale);
        var (request, refusal) = await requests.ReadAsync(turn, culture, cancellationToken);
        if (request is null)
        {
            return await CardActionReply.WithNoticeAsync(turn, refusal!, cancellationToken);
        }

        var (agency, entries) = (request.Agency, request.Entries);
        var result = await drafts.HandleAsync(request, cancellationToken);
        if (result.Outcome == SubmitOutcome.Refused || result.Round is not { } round)
        {
            return await CardActionReply.WithNoticeAsync(turn, BotText.Get("Problem_" + result.Problem, culture), cancellationToken);
        }

        var invalid = result.Outcome == SubmitOutcome.Invalid;
        var note = invalid
            ? string.Format(culture, BotText.Get("DraftInvalid", culture), SubmitStatusCardHandler.Describe(result.Errors, culture))
            : string.Format(culture, BotText.Get("DraftSaved", culture), time.GetUtcNow().ToVietnameseTime());
        var model = await cards.LoadAsync(round, agency, note, invalid, cancellationToken);
        if (model is null)
        {
            return await CardActionReply.WithNoticeAsync(turn, BotText.Get("Problem_UnknownRound", culture), cancellationToken);
        }

        model = invalid ? model with { Filled = entries.ToDictionary(e => e.TaskId, StringComparer.Ordinal), Draft = null } : model;
        return await CardActionReply.WithCardAsync(turn, StatusCard.Create(model, culture), note, cancellationToken);
    }
}
