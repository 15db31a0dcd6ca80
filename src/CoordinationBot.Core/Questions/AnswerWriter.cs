using System.Globalization;
using System.Text;
using CoordinationBot.Core.Agencies;
using CoordinationBot.Core.Plans;
using CoordinationBot.Core.Text;

namespace CoordinationBot.Core.Questions;

/// <summary>Writes answers: the facts of each cited task or plan, in the words of <see cref="AnswerText"/>.</summary>
public sealed class AnswerWriter(PlanCatalog catalog, AgencyRegistry registry, CultureInfo culture)
{
    private const int TextLength = 240;

    public CultureInfo Culture => culture;

    public Answer NotFound(QuestionIntent intent, string? detail)
    {
        var text = new StringBuilder(AnswerText.Get("NotFound", culture));
        if (detail is not null)
        {
            text.Append(' ').Append(detail);
        }

        text.Append(' ').Append(AnswerText.Get("NotFoundHint", culture));
        return new Answer(intent, false, text.ToString(), [], []);
    }

    public Answer BestTask(QuestionIntent intent, CatalogTask best, IReadOnlyList<CatalogTask> others)
    {
        var text = new StringBuilder();
        AppendTask(text, best, full: true);
        if (others.Count > 0)
        {
            text.AppendLine().AppendLine(AnswerText.Get("Others", culture));
            foreach (var other in others)
            {
                AppendTask(text, other, full: false);
            }
        }

        var cited = others.Prepend(best).ToList();
        return new Answer(intent, true, text.ToString().TrimEnd(), cited.Select(Cite).ToList(), cited.Select(t => catalog.Plans[t.Plan].Key).Distinct().ToList());
    }

    public Answer Tasks(QuestionIntent intent, string heading, IReadOnlyList<CatalogTask> tasks, int max)
    {
        var text = new StringBuilder().AppendLine(heading);
        foreach (var task in tasks.Take(max))
        {
            AppendTask(text, task, full: true);
        }

        if (tasks.Count > max)
        {
            text.AppendLine(AnswerText.Format(culture, "More", tasks.Count - max));
        }

        var cited = tasks.Take(max).ToList();
        return new Answer(intent, true, text.ToString().TrimEnd(), cited.Select(Cite).ToList(), cited.Select(t => catalog.Plans[t.Plan].Key).Distinct().ToList());
    }

    public Answer PlanFacts(QuestionIntent intent, int plan, IReadOnlyList<int> others)
    {
        var text = new StringBuilder();
        foreach (var p in others.Prepend(plan))
        {
            var stored = catalog.Plans[p];
            text.Append(Label(stored.Plan)).Append(": ");
            text.AppendLine(intent switch
            {
                QuestionIntent.FocalAgency => stored.Plan.FocalAgency is { } focal ? AnswerText.Format(culture, "Focal", Agency(focal)) : AnswerText.Get("FocalUnknown", culture),
                QuestionIntent.Implements => stored.Plan.Implements.Count > 0
                    ? AnswerText.Format(culture, "Implements", string.Join("; ", stored.Plan.Implements.Select(r => r.Date is { } d ? $"{r.Number} {AnswerText.Get("DatedOn", culture)} {Date(d)}" : r.Number)))
                    : AnswerText.Get("ImplementsNone", culture),
                _ => Reporting(stored.Plan),
            });
        }

        var keys = others.Prepend(plan).Select(p => catalog.Plans[p].Key).ToList();
        return new Answer(intent, true, text.ToString().TrimEnd(), [], keys);
    }

    private string Reporting(Plan plan)
    {
        if (plan.Reporting.Count == 0)
        {
            return AnswerText.Get("ReportNone", culture);
        }

        var parts = new List<string>();
        var dues = plan.Reporting.SelectMany(r => r.Dues).Distinct().Order().ToList();
        if (dues.Count > 0)
        {
            parts.Add(AnswerText.Format(culture, "ReportDue", string.Join(", ", dues.Select(Date))));
        }

        var cadences = plan.Reporting.Select(r => r.Cadence).Where(c => c is not ReportingCadence.Once and not ReportingCadence.Unspecified).Distinct().ToList();
        if (cadences.Count > 0)
        {
            parts.Add(AnswerText.Format(culture, "ReportCadence", string.Join(", ", cadences.Select(c => AnswerText.Get("Cadence_" + c, culture)))));
        }

        var via = plan.Reporting.Select(r => r.Via).OfType<string>().Distinct().ToList();
        if (via.Count > 0)
        {
            parts.Add(AnswerText.Format(culture, "ReportVia", string.Join("; ", via.Select(Agency))));
        }

        var to = plan.Reporting.Select(r => r.To).OfType<string>().Distinct().ToList();
        if (to.Count > 0)
        {
            parts.Add(AnswerText.Format(culture, "ReportTo", string.Join("; ", to.Select(Agency))));
        }

        return string.Join(' ', parts);
    }

    private void AppendTask(StringBuilder text, CatalogTask item, bool full)
    {
        var plan = catalog.Plans[item.Plan].Plan;
        var task = item.Task;
        text.Append(Label(plan)).Append(" — ").Append(AnswerText.Get("Task", culture)).Append(' ').Append(task.Id).Append(": ")
            .AppendLine(VietnameseText.Shorten(task.Text, full ? TextLength : 120));
        var leads = task.AgenciesAs(Role.Lead).Select(Agency).Distinct().ToList();
        var supports = task.AgenciesAs(Role.Support).Select(Agency).Distinct().ToList();
        var line = new List<string>();
        if (leads.Count > 0)
        {
            line.Add($"{AnswerText.Get("Lead", culture)}: {string.Join("; ", leads)}");
        }

        if (supports.Count > 0)
        {
            line.Add($"{AnswerText.Get("Support", culture)}: {string.Join("; ", supports)}");
        }

        if (task.Due is { } due)
        {
            line.Add($"{AnswerText.Get("Due", culture)}: {Date(due)}");
        }
        else if (task.DueText is { } dueText)
        {
            line.Add($"{AnswerText.Get("Due", culture)}: {dueText}");
        }

        if (task.Assignments.Count == 0)
        {
            var focal = plan.FocalAgency is { } f ? $" ({Agency(f)})" : string.Empty;
            line.Add(AnswerText.Format(culture, task.AssignedInAttachment ? "InAttachment" : "NoAgencyNamed", focal));
        }

        text.Append("   ").AppendLine(string.Join(". ", line));
    }

    /// <summary>The task as an answer cites it: plan, id, text, leads and supports (successor names added), due.</summary>
    public AnswerTask Cite(CatalogTask item)
    {
        var stored = catalog.Plans[item.Plan];
        var task = item.Task;
        return new AnswerTask(
            stored.Key,
            Label(stored.Plan),
            task.Id,
            task.Text,
            task.AgenciesAs(Role.Lead).Select(Agency).Distinct().ToList(),
            task.AgenciesAs(Role.Support).Select(Agency).Distinct().ToList(),
            task.Due is { } d ? Date(d) : task.DueText);
    }

    /// <summary>The agency as the plan names it, with its successor when it was renamed or merged ("nay là …").</summary>
    private string Agency(string name)
    {
        if (registry.FindExact(name) is { } known && registry.Current(known) is { } current && current.Id != known.Id)
        {
            return $"{name} ({AnswerText.Get("NowCalled", culture)} {current.Name})";
        }

        return name;
    }

    /// <summary>"Kế hoạch 21/KH-UBND (title …)", as answers name a plan.</summary>
    public string PlanLabel(Plan plan) => Label(plan);

    private string Label(Plan plan)
    {
        var number = plan.Number ?? AnswerText.Get("NoNumber", culture);
        return $"{AnswerText.Get("Plan", culture)} {number} ({VietnameseText.Shorten(plan.Title, 90)})";
    }

    private static string Date(DateOnly date) => date.ToVietnameseDate();

}
