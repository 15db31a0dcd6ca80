using CoordinationBot.Core.Plans;

namespace CoordinationBot.Core.Questions;

/// <summary>Which stored plans a phrase names ("kế hoạch thông tin đối ngoại năm 2023", "62/KH-UBND"), best first.</summary>
public static class PlanFinder
{
    public const double MinimumScore = 2.0;

    public static List<(int Plan, double Score)> Rank(PlanCatalog catalog, string topic, bool aboutProvince = false)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        if (string.IsNullOrWhiteSpace(topic))
        {
            return catalog.Plans.Count == 1 ? [(0, MinimumScore)] : [];
        }

        var folded = " " + Text.VietnameseText.Fold(topic) + " ";
        return catalog.PlanIndex.Score(topic)
            .Select(s => (Plan: s.Key, Score: s.Value
                * (aboutProvince && IsProvincePlan(catalog.Plans[s.Key].Plan) ? 1.5 : 1)
                * (NamesNumber(folded, catalog.Plans[s.Key].Plan) ? 3 : 1)))
            .Where(s => s.Score >= MinimumScore)
            .OrderByDescending(s => s.Score)
            .ThenByDescending(s => catalog.Plans[s.Plan].Plan.Year)
            .ToList();
    }

    /// <summary>The phrase names the plan by its own number ("21/KH-UBND"), not a document it cites.</summary>
    private static bool NamesNumber(string foldedTopic, Plan plan) =>
        plan.Number is { } number && foldedTopic.Contains(" " + Text.VietnameseText.Fold(number) + " ", StringComparison.Ordinal);

    private static bool IsProvincePlan(Plan plan) =>
        Text.VietnameseText.Fold(plan.Issuer ?? string.Empty).Contains("tinh", StringComparison.Ordinal);
}
