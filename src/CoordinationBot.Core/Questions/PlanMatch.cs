using CoordinationBot.Core.Plans;

namespace CoordinationBot.Core.Questions;

/// <summary>What a phrase naming a plan refers to: one plan, none (with the closest ones), or several to choose from.</summary>
public sealed record PlanMatch(PlanMatchKind Kind, StoredPlan? Plan, IReadOnlyList<StoredPlan> Candidates, string? NamedNumber)
{
    public static PlanMatch Found(StoredPlan plan) => new(PlanMatchKind.Found, plan, [plan], null);
}

public enum PlanMatchKind
{
    Found,
    NotFound,
    Ambiguous,
}
