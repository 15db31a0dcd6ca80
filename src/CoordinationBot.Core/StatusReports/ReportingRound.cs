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
}

public enum RoundState
{
    Open,
    Closed,
}
