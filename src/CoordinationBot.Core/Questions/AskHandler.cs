using System.Globalization;
using CoordinationBot.Core.Agencies;
using CoordinationBot.Core.Plans;
using CoordinationBot.Core.Text;

namespace CoordinationBot.Core.Questions;

/// <summary>Answers an officer's question from the plan registry; cites plan and task, never invents an agency.</summary>
public sealed partial class AskHandler(QuestionParser parser, AgencyRegistry registry)
{
    private const int MaxListed = 12;
    private const double MinimumScore = 2.0;

    // A catalog lives until the plans change; its agency names are read once for all the questions asked of it.
    private readonly System.Runtime.CompilerServices.ConditionalWeakTable<PlanCatalog, PlanAgencyNames> planAgencies = [];

    public Answer Handle(PlanCatalog catalog, AskRequest request)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(request);
        var culture = request.Culture ?? AnswerText.Vietnamese;
        var question = parser.Parse(request.Question, planAgencies.GetValue(catalog, c => PlanAgencyNames.Of(c, registry)));
        if (catalog.Plans.Count == 0)
        {
            return new Answer(question.Intent, false, AnswerText.Get("NoPlans", culture), [], []);
        }

        if (PlanFinder.UnknownNumber(catalog, request.Question) is { } unknown)
        {
            return new Answer(question.Intent, false, AnswerText.Format(culture, "PlanUnknown", unknown), [], []);
        }

        var writer = new AnswerWriter(catalog, registry, culture);
        return question.Intent switch
        {
            QuestionIntent.MyDuties when request.AskerAgency is null => new Answer(question.Intent, false, AnswerText.Get("AskerUnknown", culture), [], []),
            QuestionIntent.MyDuties => Duties(catalog, writer, question, registry.FindExact(request.AskerAgency!) ?? new Agency("asker", request.AskerAgency!, AgencyLevel.Unknown, [])),
            QuestionIntent.AgencyDuties => Duties(catalog, writer, question, question.Agencies[0]),
            QuestionIntent.Reporting or QuestionIntent.FocalAgency or QuestionIntent.Implements => PlanFacts(catalog, writer, question),
            QuestionIntent.CountTasks => Count(catalog, writer, question),
            QuestionIntent.DueSoon or QuestionIntent.Overdue when request.Today is { } today => Deadlines(catalog, writer, question, request.AskerAgency, today),
            _ => FindTasks(catalog, writer, question),
        };
    }

    private Answer Duties(PlanCatalog catalog, AnswerWriter writer, ParsedQuestion question, Agency agency)
    {
        var current = registry.Current(agency);
        var plans = TargetPlans(catalog, question);
        var (covers, same) = (ByName(catalog, Covering(current)), ByName(catalog, Sameness(current)));
        // Its own tasks, and those given to a group it belongs to ("Các sở, ban, ngành"), which come after them.
        var mine = Enumerable.Range(0, catalog.Tasks.Count)
            .Where(i => Any(catalog, i, covers, question.Role))
            .ToList();
        var inPlans = mine.Where(i => plans is null || plans.Contains(catalog.Tasks[i].Plan)).ToList();
        var tasks = inPlans.Count > 0 ? inPlans : mine;
        if (tasks.Count == 0)
        {
            return writer.NotFound(question.Intent, AnswerText.Format(writer.Culture, "AgencyHasNone", agency.Name));
        }

        // What the agency leads first, then what it supports, each in document order; words beyond the plan's name
        // ("… về tập huấn") bring the tasks about them forward. A plan's own name orders nothing.
        var scores = question.Topic.Length > 0 && !question.NamesPlan ? catalog.TaskIndex.Score(question.Topic) : [];
        var ordered = tasks
            .OrderByDescending(i => scores.GetValueOrDefault(i) > MinimumScore ? scores[i] : 0)
            .ThenBy(i => Any(catalog, i, same, null) ? 0 : 1)
            .ThenBy(i => Any(catalog, i, same, Role.Lead) ? 0 : 1)
            .ThenBy(i => i)
            .Select(i => catalog.Tasks[i])
            .ToList();
        var heading = question.Role is { } role
            ? AnswerText.Format(writer.Culture, "DutiesOfRole", current.Name, AnswerText.Get(role == Role.Lead ? "Lead" : "Support", writer.Culture).ToLower(writer.Culture))
            : AnswerText.Format(writer.Culture, "DutiesOf", current.Name);
        if (current.Id != agency.Id)
        {
            // "Sở TT&TT …": the tasks are its successor's, and the answer says so before listing them.
            var since = agency.SuccessorSince is { } day ? day.ToVietnameseDate() : null;
            heading = AnswerText.Format(writer.Culture, since is null ? "NowPartOf" : "NowPartOfSince", agency.Name, current.Name, since ?? string.Empty) + " " + heading;
        }

        return writer.Tasks(question.Intent, heading, ordered, MaxListed);
    }

    /// <summary>How many tasks each plan named (else every plan) has, and of them the agency named leads and supports.</summary>
    private Answer Count(PlanCatalog catalog, AnswerWriter writer, ParsedQuestion question)
    {
        var plans = TargetPlans(catalog, question)?.Order().ToList() ?? [.. Enumerable.Range(0, catalog.Plans.Count)];

        // "Kế hoạch 21": the plan numbered 21, not one whose title cites 21/KH-UBND.
        var words = " " + Text.VietnameseText.Fold(question.Topic) + " ";
        var numbered = plans.Where(i => catalog.Plans[i].Plan.Number is { } n && words.Contains(" " + Text.VietnameseText.Fold(n).Split(' ')[0] + " ", StringComparison.Ordinal)).ToList();
        plans = numbered.Count > 0 ? numbered : plans;
        var agency = question.Agencies.Count > 0 ? registry.Current(question.Agencies[0]) : null;
        var covers = agency is null ? null : ByName(catalog, Covering(agency));
        var positions = covers is null ? null : catalog.Tasks.ToLookup(t => t.Plan, t => t.Position);
        var lines = new List<string>();
        foreach (var index in plans)
        {
            var plan = catalog.Plans[index].Plan;
            var line = AnswerText.Format(writer.Culture, "CountPlan", writer.PlanLabel(plan), plan.Tasks.Count);
            if (agency is not null && covers is not null && positions is not null)
            {
                var leads = positions[index].Count(p => Any(catalog, p, covers, Role.Lead));
                var supports = positions[index].Count(p => Any(catalog, p, covers, Role.Support));
                line += " " + AnswerText.Format(writer.Culture, "CountAgency", agency.Name, leads, supports);
            }

            lines.Add(line);
        }

        return new Answer(question.Intent, lines.Count > 0, string.Join("\n", lines), [], [.. plans.Select(i => catalog.Plans[i].Key)]);
    }

    /// <summary>Tasks due in the next 30 days, or whose due date has passed, soonest first: of the agency the question names, else the asker's, else all.</summary>
    private Answer Deadlines(PlanCatalog catalog, AnswerWriter writer, ParsedQuestion question, string? askerAgency, DateOnly today)
    {
        const int Window = 30;
        var overdue = question.Intent == QuestionIntent.Overdue;
        var agency = question.Agencies.Count > 0 ? question.Agencies[0] : askerAgency is null ? null : registry.FindExact(askerAgency) ?? new Agency("asker", askerAgency, AgencyLevel.Unknown, []);
        var current = agency is null ? null : registry.Current(agency);
        var plans = TargetPlans(catalog, question);
        var covers = current is null ? null : ByName(catalog, Covering(current));
        var due = catalog.Tasks
            .Where(t => t.Task.Due is { } d && (overdue ? d < today : d >= today && d <= today.AddDays(Window)))
            .Where(t => plans is null || plans.Contains(t.Plan))
            .Where(t => covers is null || Any(catalog, t.Position, covers, null))
            .OrderBy(t => t.Task.Due)
            .ToList();
        var who = current?.Name ?? AnswerText.Get("AllAgencies", writer.Culture);
        if (due.Count == 0)
        {
            return writer.NotFound(question.Intent, AnswerText.Format(writer.Culture, overdue ? "NoneOverdue" : "NoneDueSoon", who, Window));
        }

        return writer.Tasks(question.Intent, AnswerText.Format(writer.Culture, overdue ? "Overdue" : "DueSoon", who, Window, today.ToVietnameseDate()), due, MaxListed);
    }

    private Answer FindTasks(PlanCatalog catalog, AnswerWriter writer, ParsedQuestion question)
    {
        var ranked = Rank(catalog, question);
        if (ranked.Count == 0 || ranked[0].Score < MinimumScore * 0.5)
        {
            return writer.NotFound(question.Intent, null);
        }

        var best = ranked[0].Score;
        var close = ranked.Skip(1).TakeWhile(x => x.Score >= best * 0.8).Take(2).Select(x => x.Task).ToList();
        return writer.BestTask(question.Intent, ranked[0].Task, close);
    }

    private static Answer PlanFacts(PlanCatalog catalog, AnswerWriter writer, ParsedQuestion question)
    {
        var plans = RankPlans(catalog, question);
        if (plans.Count == 0)
        {
            // No plan named: answer for the most recent plans, newest first, so the asker can pick theirs.
            plans = Enumerable.Range(0, catalog.Plans.Count)
                .OrderByDescending(p => catalog.Plans[p].Plan.IssuedOn ?? DateOnly.MinValue)
                .ThenByDescending(p => catalog.Plans[p].Plan.Year)
                .Take(3)
                .Select(p => (p, MinimumScore))
                .ToList();
            return writer.PlanFacts(question.Intent, plans[0].Plan, plans.Skip(1).Select(p => p.Plan).ToList());
        }

        var close = plans.Skip(1).TakeWhile(p => p.Score >= plans[0].Score * 0.7).Take(2).Select(p => p.Plan).ToList();
        return writer.PlanFacts(question.Intent, plans[0].Plan, close);
    }

    private bool Same(string assigned, Agency current) =>
        string.Equals(assigned, current.Name, StringComparison.Ordinal) || registry.SameAgency(assigned, current.Name);

    private Func<string, bool> Sameness(Agency current) => name => Same(name, current);

    /// <summary>Whether a task given to a name is the agency's: the same agency, or a group it belongs to.</summary>
    private Func<string, bool> Covering(Agency current) => name => Same(name, current) || registry.Covers(name, current.Name);
}

/// <summary>A question, who asks it (their agency, when known), and the language of the answer.</summary>
public sealed record AskRequest(string Question, string? AskerAgency, CultureInfo? Culture = null, DateOnly? Today = null);
