namespace CoordinationBot.Core.Plans;

/// <summary>A plan (Kế hoạch, Chương trình …) as read from its document.</summary>
public sealed record Plan(
    string Kind,
    string? Number,
    string? Issuer,
    DateOnly? IssuedOn,
    int? Year,
    string Title,
    IReadOnlyList<DocumentReference> Implements,
    string? FocalAgency,
    IReadOnlyList<ReportingRule> Reporting,
    IReadOnlyList<PlanTask> Tasks,
    IReadOnlyList<string> AgenciesToReview)
{
    /// <summary>Every agency the plan gives a task to (lead or support), once each, as the plan names it.</summary>
    public IReadOnlyList<string> AssignedAgencies() =>
        [.. Tasks.SelectMany(t => t.Assignments).Select(a => a.Agency).Distinct(StringComparer.Ordinal)];
}

/// <summary>A document a plan implements or is based on ("18-CTr/TU" of 19/12/2025).</summary>
public sealed record DocumentReference(string Number, DateOnly? Date);

/// <summary>To whom, via whom, how often and by when agencies report on the plan.</summary>
public sealed record ReportingRule(ReportingCadence Cadence, IReadOnlyList<DateOnly> Dues, string? To, string? Via, string Text);

public enum ReportingCadence
{
    Unspecified,
    Once,
    Quarterly,
    Semiannual,
    Annual,
    AdHoc,
    Monthly,
}
