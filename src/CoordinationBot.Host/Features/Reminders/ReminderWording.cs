using System.Globalization;
using CoordinationBot.Core.Plans;
using CoordinationBot.Core.Reminders;
using CoordinationBot.Core.StatusReports;
using CoordinationBot.Core.Text;
using CoordinationBot.Host.Resources;
using Microsoft.Extensions.Options;

namespace CoordinationBot.Host.Features.Reminders;

/// <summary>The reminders' words, from the bot's resources in the deployment's language.</summary>
public sealed class ReminderWording(IOptions<BotLanguageOptions> language) : IReminderWording
{
    private CultureInfo Culture => language.Value.CultureFor(null);

    // Due today, or past it: the same words, the due date shown.
    public string Reminder(ReportingRound round, int daysLeft)
    {
        ArgumentNullException.ThrowIfNull(round);
        return daysLeft > 0
            ? string.Format(Culture, BotText.Get("ReminderNote", Culture), daysLeft, round.Due.ToVietnameseDate())
            : string.Format(Culture, BotText.Get("ReminderDueToday", Culture), round.Due.ToVietnameseDate());
    }

    public string Digest(ReportingRound round, Plan plan, IReadOnlyList<string> missing)
    {
        ArgumentNullException.ThrowIfNull(round);
        ArgumentNullException.ThrowIfNull(plan);
        return string.Format(Culture, BotText.Get("DigestNote", Culture), Period(round), Label(plan), round.Due.ToVietnameseDate(), string.Join("; ", missing));
    }

    public string Overdue(string agency, ReportingRound round, Plan plan, int daysOverdue) =>
        Say("OverdueNotice", agency, round, plan, daysOverdue, Culture);

    public string LeaderNotice(string title, string agency, ReportingRound round, Plan plan, int daysOverdue)
    {
        ArgumentNullException.ThrowIfNull(round);
        ArgumentNullException.ThrowIfNull(plan);
        return string.Format(Culture, BotText.Get("LeaderNotice", Culture), title, agency, Period(round), Label(plan), round.Due.ToVietnameseDate(), daysOverdue, Focal(plan));
    }

    public string ExplanationRequest(string agency, ReportingRound round, Plan plan, int daysOverdue) =>
        ExplanationRequest(agency, round, plan, daysOverdue, Culture);

    /// <summary>What the explanation card asks, in the officer's language (the card shown again after a press).</summary>
    public static string ExplanationRequest(string agency, ReportingRound round, Plan plan, int daysOverdue, CultureInfo culture) =>
        Say("ExplainAsk", agency, round, plan, daysOverdue, culture);

    /// <summary>A text of the agency, the round, the plan, the due date, the days past it and who consolidates.</summary>
    private static string Say(string key, string agency, ReportingRound round, Plan plan, int daysOverdue, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(round);
        ArgumentNullException.ThrowIfNull(plan);
        return string.Format(culture, BotText.Get(key, culture), agency, BotText.PeriodLabel(round.Period, culture), Label(plan), round.Due.ToVietnameseDate(), daysOverdue, Focal(plan));
    }

    private string Period(ReportingRound round) => BotText.PeriodLabel(round.Period, Culture);

    private static string Label(Plan plan) => plan.Number ?? plan.Title;

    private static string Focal(Plan plan) => plan.FocalAgency ?? plan.Issuer ?? "—";
}
