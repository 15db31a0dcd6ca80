using System.Globalization;
using CoordinationBot.Core.Plans;
using CoordinationBot.Core.StatusReports;
using CoordinationBot.Host.Resources;
using CoordinationBot.Core.Text;

namespace CoordinationBot.Host.Features.StatusReports;

/// <summary>What the focal agency is told after asking to open a round, typed or from the form: opened, or open already (who could not be reached is <see cref="UnreachableAgencies"/>).</summary>
public static class RoundOpenedText
{
    public static string For(OpenRoundResult result, Plan plan, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(plan);
        var round = result.Round ?? throw new ArgumentException("The round was not opened.", nameof(result));
        var period = BotText.PeriodLabel(round.Period, culture);
        var due = round.Due.ToVietnameseDate();
        var text = result.AlreadyOpen
            ? string.Format(culture, BotText.Get(round.State == RoundState.Open ? "RoundAlreadyOpen" : "RoundAlreadyClosed", culture), period, plan.Number ?? plan.Title, due, result.Reported, result.Expected)
                + (result.Queued > 0 ? " " + string.Format(culture, BotText.Get("RoundQueuedNow", culture), result.Queued) : string.Empty)
            : string.Format(culture, BotText.Get("RoundOpened", culture), period, plan.Number ?? plan.Title, due, result.Queued)
                + (result.DueSource == DueSource.Given ? string.Empty : " " + string.Format(culture, BotText.Get("Due_" + result.DueSource, culture), round.Period.DataTo.ToVietnameseDate()));
        return round.IsChain ? text + " " + BotText.Get("RoundChain", culture) : text;
    }

    /// <summary>A refused round command, said with a due date example that is still to come.</summary>
    public static string Problem(string problem, DateOnly today, CultureInfo culture) =>
        string.Format(culture, BotText.Get("Round_" + problem, culture), today.AddDays(14).ToVietnameseDate());
}
