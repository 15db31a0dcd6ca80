using System.Globalization;
using CoordinationBot.BotFramework.Routing;
using CoordinationBot.BotFramework.Schema;
using CoordinationBot.Core.StatusReports;
using CoordinationBot.Host.Resources;
using Microsoft.Extensions.Options;
using CoordinationBot.Core.Text;
using CoordinationBot.Host.Bot;

namespace CoordinationBot.Host.Features.StatusReports;

/// <summary>
/// "Gửi báo cáo" on a status card: the submission is checked and saved by <see cref="SubmitStatusHandler"/>; the
/// answer replaces the card with the saved state and a note (saved, conflict, invalid, refused).
/// </summary>
public sealed class SubmitStatusCardHandler(
    SubmitStatusHandler submit,
    StatusCardRequests requests,
    StatusCardQuery cards,
    CoordinationBot.Core.Agencies.AgencyRegistry registry,
    IOptions<BotLanguageOptions> language,
    TimeProvider time) : IActivityHandler
{
    public ActivityRoute Route { get; } = new(ActivityTypes.Invoke, RouteNames.CardVerb(StatusCard.Verb));

    public async Task<InvokeResponse?> HandleAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var culture = language.Value.CultureFor(turn.Activity.Locale);
        var (request, refusal) = await requests.ReadAsync(turn, culture, cancellationToken);
        if (request is null)
        {
            return await CardActionReply.WithNoticeAsync(turn, refusal!, cancellationToken);
        }

        var (roundId, agency, entries, user) = (request.RoundId, request.Agency, request.Entries, request.UserName);
        var result = await submit.HandleAsync(request, cancellationToken);

        var (note, warning) = result.Outcome switch
        {
            SubmitOutcome.Saved => (string.Format(culture, BotText.Get("StatusSaved", culture), time.GetUtcNow().ToVietnameseTime(), user, result.Round!.Due.ToVietnameseDate()) + MissingParts(result, culture), false),
            SubmitOutcome.Duplicate => (BotText.Get("StatusDuplicate", culture), false),
            SubmitOutcome.Conflict => (string.Format(culture, BotText.Get("StatusConflict", culture), string.Join(", ", result.Conflicts)), true),
            SubmitOutcome.Invalid => (string.Format(culture, BotText.Get("StatusInvalid", culture), Describe(result.Errors, culture)), true),
            _ => (BotText.Get("Problem_" + result.Problem, culture), true),
        };
        // A closed round keeps the officer's card in place, read-only, with what their agency saved and why it is closed.
        if (result.Problem == SubmitProblem.RoundClosed && request.UserAgency is { } mine && registry.SameAgency(mine, agency)
            && await cards.LoadAsync(roundId, agency, note, true, cancellationToken) is { } closed)
        {
            return await CardActionReply.WithCardAsync(turn, StatusCard.Create(closed with { Editable = false }, culture), note, cancellationToken);
        }

        if (result.Outcome == SubmitOutcome.Refused)
        {
            return await CardActionReply.WithNoticeAsync(turn, note, cancellationToken);
        }

        var model = result.Round is { } round
            ? await cards.LoadAsync(round, agency, note, warning, cancellationToken, justSaved: result.Outcome == SubmitOutcome.Saved ? result.Stored : null)
            : await cards.LoadAsync(roundId, agency, note, warning, cancellationToken);
        // What the officer typed stays on a card sent back to be fixed.
        model = result.Outcome == SubmitOutcome.Invalid && model is not null ? model with { Filled = entries.ToDictionary(e => e.TaskId, StringComparer.Ordinal) } : model;
        return model is null
            ? await CardActionReply.WithNoticeAsync(turn, BotText.Get("Problem_UnknownRound", culture), cancellationToken)
            : await CardActionReply.WithCardAsync(turn, StatusCard.Create(model, culture), note, cancellationToken);
    }

    /// <summary>A chain round's lead is told whose parts it reported without.</summary>
    private static string MissingParts(SubmitResult result, CultureInfo culture) =>
        result.MissingParts.Count == 0 ? string.Empty
            : " " + string.Format(culture, BotText.Get("ChainReportedWithout", culture), string.Join("; ", result.MissingParts.Select(t => $"{t.TaskId}: {string.Join(", ", t.Missing)}")));

    internal static string Describe(IReadOnlyList<FieldError> errors, CultureInfo culture) =>
        string.Join("; ", errors.Select(e => $"{e.TaskId}: " + BotText.Get(e.Field switch
        {
            "status" => "FieldStatusError",
            "percent" => "FieldPercentError",
            "difficulties" when e.Problem == FieldProblem.Required => "FieldDifficulties",
            "evidence" => "FieldEvidenceError",
            "draft" => "DraftTooLong",
            _ => "FieldTextError",
        }, culture)));
}
