using CoordinationBot.BotFramework.Routing;
using CoordinationBot.BotFramework.Schema;
using CoordinationBot.Core.Agencies;
using CoordinationBot.Core.People;
using CoordinationBot.Core.StatusReports;
using CoordinationBot.Host.Resources;
using Microsoft.Extensions.Options;
using CoordinationBot.Host.Bot;

namespace CoordinationBot.Host.Features.StatusReports;

/// <summary>
/// "Lấy nội dung kỳ trước" on a status card: the card comes back filled with the agency's reports on the same tasks
/// in the plan's latest earlier round (nothing is saved); tasks it did not report then keep what the card held.
/// </summary>
public sealed class PreviousContentCardHandler(
    IStatusReportStore store,
    PreviousReports previous,
    AskerAgencyResolver askers,
    AgencyRegistry registry,
    StatusCardQuery cards,
    IOptions<BotLanguageOptions> language) : IActivityHandler
{
    public ActivityRoute Route { get; } = new(ActivityTypes.Invoke, RouteNames.CardVerb(StatusCard.PreviousVerb));

    public async Task<InvokeResponse?> HandleAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var culture = language.Value.CultureFor(turn.Activity.Locale);
        var asker = await askers.ResolveAsync(turn.Activity.From?.AadObjectId, cancellationToken);
        if (StatusCard.Read(turn.Activity) is not var (roundId, agency, entries) || asker.ConfirmedAgency is null || !registry.SameAgency(asker.ConfirmedAgency, agency))
        {
            return await CardActionReply.WithNoticeAsync(turn, asker.AwaitsConfirmation ? NotConfirmed.Text(asker, culture) : BotText.Get("Problem_NotYourAgency", culture), cancellationToken);
        }

        var round = await store.GetRoundAsync(roundId, cancellationToken);
        var model = round is null ? null : await cards.LoadAsync(round, agency, null, false, cancellationToken);
        if (round is null || model is null)
        {
            return await CardActionReply.WithNoticeAsync(turn, BotText.Get("Problem_UnknownRound", culture), cancellationToken);
        }

        var filled = entries.ToDictionary(e => e.TaskId, StringComparer.Ordinal);
        var found = await previous.FindAsync(round, agency, [.. model.Tasks.Select(t => t.Task.Id)], cancellationToken);
        foreach (var report in found?.Reports ?? [])
        {
            // The earlier period's supporting document is not this period's.
            filled[report.TaskId] = StatusEntry.Of(report) with { Evidence = null };
        }

        var note = found is { } earlier
            ? string.Format(culture, BotText.Get("PreviousFilled", culture), BotText.PeriodLabel(earlier.Round.Period, culture), earlier.Reports.Count)
            : BotText.Get("PreviousNone", culture);
        model = model with { Note = note, NoteIsWarning = found is null, Filled = filled, Draft = null };
        return await CardActionReply.WithCardAsync(turn, StatusCard.Create(model, culture), note, cancellationToken);
    }
}
