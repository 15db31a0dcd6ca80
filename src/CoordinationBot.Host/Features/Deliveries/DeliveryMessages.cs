using System.Globalization;
using System.Text.Json.Nodes;
using CoordinationBot.BotFramework.Schema;
using CoordinationBot.Core;
using CoordinationBot.Core.StatusReports;
using CoordinationBot.Host.Bot;
using CoordinationBot.Host.Features.StatusReports;
using CoordinationBot.Host.Cards;
using CoordinationBot.Host.Resources;
using Microsoft.Extensions.Options;
using CoordinationBot.Host.Features.Escalation;

namespace CoordinationBot.Host.Features.Deliveries;

/// <summary>The message a delivery sends, as it stands when it is sent: the card of its kind, into its conversation.</summary>
public sealed class DeliveryMessages(StatusCardQuery statusCards, FailureNotices failures, IOptions<BotLanguageOptions> language, TimeProvider time)
{
    /// <summary>Null when what it was about is gone (the round or its plan), or a failure notice has nothing left to say.</summary>
    public async Task<Activity?> BuildAsync(Delivery delivery, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        var culture = language.Value.CultureFor(null);
        var card = delivery.Kind switch
        {
            DeliveryKind.OverdueDigest or DeliveryKind.Overdue or DeliveryKind.LeaderNotice => (NoticeCard.Create(delivery.Note ?? string.Empty), delivery.Note),
            DeliveryKind.ExplanationRequest => (ExplanationCard.Create(delivery.RoundId, delivery.Note ?? string.Empty, time.Today(), culture), delivery.Note),
            DeliveryKind.FailureNotice => await failures.CardAsync(delivery.RoundId, cancellationToken),
            _ => await StatusCardAsync(delivery, culture, cancellationToken),
        };
        return card is { } found ? delivery.Conversation.ToMessage(found.Card, found.Summary) : null;
    }

    private async Task<(JsonObject Card, string? Summary)?> StatusCardAsync(Delivery delivery, CultureInfo culture, CancellationToken cancellationToken)
    {
        // A chain round's card says which support's part has come; a reminder's, the reminder.
        var note = delivery.Kind == DeliveryKind.Contribution ? string.Format(culture, BotText.Get("ChainPartArrived", culture), delivery.Note) : delivery.Note;
        if (await statusCards.LoadAsync(delivery.RoundId, delivery.Agency, note, delivery.Kind == DeliveryKind.Reminder, cancellationToken) is not { } model)
        {
            return null;
        }

        var summary = model.Note ?? $"{BotText.Get(delivery.Kind == DeliveryKind.Returned ? "ReturnedSummary" : "StatusTitle", culture)}: {model.PlanLabel}";
        return (StatusCard.Create(model, culture), summary);
    }
}
