using System.Globalization;

namespace CoordinationBot.Core.Questions;

/// <summary>The compose box's task search and the task a link names.</summary>
public sealed partial class AskHandler
{
    /// <summary>
    /// Tasks for a search box (the compose box's task search): an agency's tasks when the words name one ("Sở Nội vụ"),
    /// else the tasks the words are about ("số hóa hồ sơ"), best first, at most <paramref name="max"/>.
    /// </summary>
    public Answer Search(PlanCatalog catalog, string query, int max, CultureInfo? culture = null)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(query);
        culture ??= AnswerText.Vietnamese;
        var writer = new AnswerWriter(catalog, registry, culture);
        var question = parser.Parse(query, planAgencies.GetValue(catalog, c => PlanAgencyNames.Of(c, registry)));
        if (catalog.Plans.Count == 0)
        {
            return new Answer(question.Intent, false, AnswerText.Get("NoPlans", culture), [], []);
        }

        if (question.Intent == QuestionIntent.AgencyDuties)
        {
            var duties = Duties(catalog, writer, question, question.Agencies[0]);
            return duties with { Tasks = [.. duties.Tasks.Take(max)] };
        }

        var ranked = Rank(catalog, question);
        return ranked.Count == 0 || ranked[0].Score < MinimumScore * 0.5
            ? writer.NotFound(question.Intent, null)
            : writer.Tasks(question.Intent, AnswerText.Format(culture, "SearchResults", query.Trim()), [.. ranked.Select(x => x.Task)], max);
    }

    /// <summary>One task named by its plan's key and its id (a task link), cited as answers cite it; null when there is no such task.</summary>
    public AnswerTask? Cite(PlanCatalog catalog, string planKey, string taskId, CultureInfo? culture = null)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        var found = catalog.Tasks.FirstOrDefault(t => t.Task.Id == taskId && catalog.Plans[t.Plan].Key == planKey);
        return found is null ? null : new AnswerWriter(catalog, registry, culture ?? AnswerText.Vietnamese).Cite(found);
    }
}
