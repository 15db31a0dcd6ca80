using CoordinationBot.Core.Plans;

namespace CoordinationBot.Core.Questions;

/// <summary>Which tasks and plans a question is about, best first.</summary>
public sealed partial class AskHandler
{
    /// <summary>The tasks a question's words are about, best first: BM25, boosted, then weighed by how much of the question each covers.</summary>
    private List<(CatalogTask Task, double Score)> Rank(PlanCatalog catalog, ParsedQuestion question)
    {
        // A plan the question names limits the search; words that merely also occur in some plan's title only weigh in.
        var plans = TargetPlans(catalog, question);
        var named = question.NamesPlan ? plans : null;
        var scores = catalog.TaskIndex.Score(question.Topic);
        var boost = Booster(catalog, question);
        // BM25 alone favours short tasks sharing a rare word; how much of the question a task covers decides among the best.
        var weighed = scores
            .Where(s => named is null || named.Contains(catalog.Tasks[s.Key].Plan))
            .Select(s => (Position: s.Key, Score: s.Value * (plans?.Contains(catalog.Tasks[s.Key].Plan) == true ? 1.3 : 1)))
            .ToList();
        // Only a task within reach of the best 30 once boosted can be among them: the others are not weighed further.
        var reach = weighed.Count > 30 ? weighed.Best(30, x => x.Score)[^1].Score / MaxBoost : 0;
        var ranked = weighed
            .Where(x => x.Score >= reach)
            .Select(x => (Task: catalog.Tasks[x.Position], Score: x.Score * boost(x.Position)))
            .Best(30, x => x.Score)
            .Select(x => (x.Task, x.Score, Coverage: catalog.TaskIndex.Coverage(question.Topic, x.Task.Position)))
            .Where(x => x.Coverage >= 0.5)
            .Select(x => (x.Task, Score: x.Score * x.Coverage))
            .OrderByDescending(x => x.Score)
            .ToList();
        return ranked;
    }

    private const double MaxBoost = 1.6;

    /// <summary>Agencies asked about lead or support the task (by its position): it counts more.</summary>
    private Func<int, double> Booster(PlanCatalog catalog, ParsedQuestion question)
    {
        if (question.Agencies.Count == 0)
        {
            return _ => 1;
        }

        var wanted = question.Intent == QuestionIntent.WhoSupports ? Role.Lead : (Role?)null;
        var asked = question.Agencies.Select(agency => ByName(catalog, Sameness(registry.Current(agency)))).ToList();
        return position => asked.Any(same => Any(catalog, position, same, wanted)) ? MaxBoost : 1;
    }

    /// <summary>Whether an assignment of the task at a position is to a name the test accepts, in the role (any when null).</summary>
    private static bool Any(PlanCatalog catalog, int position, Func<int, bool> accepts, Role? role)
    {
        var names = catalog.NamesOf(position);
        var assignments = catalog.Tasks[position].Task.Assignments;
        for (var i = 0; i < names.Count; i++)
        {
            if ((role is null || assignments[i].Role == role) && accepts(names[i]))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// A decision about agency names made once per name of the catalog, then read by the name's number: the registry
    /// is asked once per name in an answer, not once per task of 50,000.
    /// </summary>
    private static Func<int, bool> ByName(PlanCatalog catalog, Func<string, bool> decide)
    {
        var known = new sbyte[catalog.AgencyNames.Count];
        return id => (known[id] != 0 ? known[id] : known[id] = decide(catalog.AgencyNames[id]) ? (sbyte)1 : (sbyte)-1) > 0;
    }

    /// <summary>The plans a question names ("trong kế hoạch đối ngoại nhân dân"), or null when it names none clearly.</summary>
    private static HashSet<int>? TargetPlans(PlanCatalog catalog, ParsedQuestion question)
    {
        var ranked = RankPlans(catalog, question);
        return ranked.Count == 0 ? null : ranked.Where(p => p.Score >= ranked[0].Score * 0.7).Select(p => p.Plan).ToHashSet();
    }

    private static List<(int Plan, double Score)> RankPlans(PlanCatalog catalog, ParsedQuestion question) =>
        PlanFinder.Rank(catalog, question.Topic, question.AboutProvince);
}
