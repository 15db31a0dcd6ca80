using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace CoordinationBot.Host.Telemetry;

/// <summary>
/// Trace and metric names, fixed now so Application Insights (OpenTelemetry) can be wired without renaming:
/// source/meter <c>CoordinationBot.Bot</c>; span <c>bot.turn</c>; metrics <c>coordbot.bot.activities</c>,
/// <c>coordbot.bot.turn.duration</c> (ms), <c>coordbot.bot.turn.errors</c>, <c>coordbot.bot.rejected</c>,
/// <c>coordbot.bot.answers.pending</c>.
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

    public static readonly UpDownCounter<long> PendingAnswers = Meter.CreateUpDownCounter<long>("coordbot.bot.answers.pending", description: "Questions acknowledged and not yet answered.");
}
