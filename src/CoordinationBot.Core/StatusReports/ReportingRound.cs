namespace CoordinationBot.Core.StatusReports;

/// <summary>
/// One reporting period of one plan (Đợt báo cáo): open until closed; reports can be saved until the due date
/// unless the focal agency reopens it.
/// </summary>
public sealed record ReportingRound(
    string Id,
    string PlanKey,
    int PlanVersion,
    ReportingPeriod Period,
    DateOnly Due,
    string OpenedBy,
    DateTimeOffset OpenedAt,
    RoundState State,
    string? Message,
    string? TenantId = null)
{
    public static string IdFor(string planKey, ReportingPeriod period) => $"{planKey}~{period.Code}";

    /// <summary>Reports are accepted while the round is open and its due date has not passed (the due day included).</summary>
    public bool AcceptsReports(DateOnly today) => State == RoundState.Open && today <= Due;

    /// <summary>Whether the round is one of this tenant's (a round opened before tenants were recorded is everyone's).</summary>
    public bool IsOfTenant(string? tenantId) => TenantId is null || tenantId is null || string.Equals(TenantId, tenantId, StringComparison.Ordinal);
}

public enum RoundState
{
    Open,
    Closed,
}
