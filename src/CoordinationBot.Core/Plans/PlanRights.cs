using CoordinationBot.Core.Agencies;

namespace CoordinationBot.Core.Plans;

/// <summary>
/// Who may run a plan's reporting (open, change, close, remind, resend, consolidate, correct): the officers of that
/// plan's focal agency, by the directory, and the configured administrators. Nobody else, whatever they may import.
/// </summary>
public static class PlanRights
{
    public static bool MayManage(Plan plan, string? confirmedAgency, bool administrator, AgencyRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(registry);
        return administrator
            || (plan.FocalAgency is { } focal && confirmedAgency is not null && registry.SameAgency(confirmedAgency, focal));
    }
}
