using CoordinationBot.Core.Plans;
using CoordinationBot.Core.Plans.Extraction;

namespace CoordinationBot.Core.Tests.Plans;

/// <summary>What the plan tests ask of an extraction: the plan of a body, one task by id, its assignments in one line.</summary>
public static class PlanReading
{
    public static Plan Extract(string body) => PlanExtractor.Default.Extract(PlanText.With(body));

    public static PlanTask Task(Plan plan, string id) => plan.Tasks.Single(t => t.Id == id);

    public static string Who(PlanTask task) =>
        string.Join("; ", task.Assignments.Select(a => $"{(a.Role == Role.Lead ? "lead" : "support")}:{a.Agency}"));
}
