using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace CoordinationBot.Host.Telemetry;

/// <summary>
/// The bot's traces and metrics (exported by <see cref="ObservabilityExtensions.AddObservability"/>): source/meter <c>CoordinationBot.Bot</c>;
/// spans <c>bot.turn</c> (tag <c>bot.activity.id</c>) and <c>delivery.send</c>; metrics <c>coordbot.bot.activities</c>,
/// <c>coordbot.bot.turn.duration</c> (ms), <c>coordbot.bot.turn.errors</c>, <c>coordbot.bot.rejected</c>,
/// <c>coordbot.bot.answers.pending</c>, <c>coordbot.delivery.outcomes</c> (by kind and state) and
/// <c>coordbot.delivery.duration</c> (ms).
/// </summary>
public static class BotTelemetry
{
    public const string Name = "CoordinationBot.Bot";

    public static readonly ActivitySource Source = new(Name);

    private static readonly Meter Meter = new(Name);

    public static readonly Counter<long> Activities = Meter.CreateCounter<long>("coordbot.bot.activities", description: "Activities received, by type and outcome.");

    public static readonly Histogram<double> TurnDuration = Meter.CreateHistogram<double>("coordbot.bot.turn.duration", unit: "ms", description: "Time to handle one activity.");

    public static readonly Counter<long> TurnErrors = Meter.CreateCounter<long>("coordbot.bot.turn.errors", description: "Turns that ended in an error.");

    public static readonly Counter<long> Rejected = Meter.CreateCounter<long>("coordbot.bot.rejected", description: "Requests refused before a turn: auth, size, malformed.");

    public static readonly Counter<long> DeliveryOutcomes = Meter.CreateCounter<long>("coordbot.delivery.outcomes", description: "Proactive messages handled by the delivery worker, by kind and resulting state.");

    public static readonly Histogram<double> DeliveryDuration = Meter.CreateHistogram<double>("coordbot.delivery.duration", unit: "ms", description: "Time to build and post one proactive message.");

    public static readonly UpDownCounter<long> PendingAnswers = Meter.CreateUpDownCounter<long>("coordbot.bot.answers.pending", description: "Questions acknowledged and not yet answered.");
}
