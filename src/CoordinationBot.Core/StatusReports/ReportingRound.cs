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
    string? TenantId = null,
    ReportingMode Mode = ReportingMode.ToFocal,
    int? ExplainAfterDays = null)
{
    /// <summary>The most days after the due date the focal agency may give before asking late agencies to explain.</summary>
    public const int MaxExplainAfterDays = 60;

    /// <summary>Whether supporting agencies give their part to the lead agency, which reports the task.</summary>
    public bool IsChain => Mode == ReportingMode.SupportsToLead;

    public static string IdFor(string planKey, ReportingPeriod period) => $"{planKey}~{period.Code}";

    /// <summary>Reports are accepted while the round is open and its due date has not passed (the due day included).</summary>
    public bool AcceptsReports(DateOnly today) => State == RoundState.Open && today <= Due;

    /// <summary>Days from <paramref name="today"/> to the due date: 0 on the day, negative once it has passed.</summary>
    public int DaysLeft(DateOnly today) => Due.DayNumber - today.DayNumber;

    /// <summary>Days past the due date as of <paramref name="today"/> (0 until it has passed).</summary>
    public int DaysOverdue(DateOnly today) => Math.Max(0, -DaysLeft(today));

    /// <summary>Whether the round is one of this tenant's (a round opened before tenants were recorded is everyone's).</summary>
    public bool IsOfTenant(string? tenantId) => TenantId is null || tenantId is null || string.Equals(TenantId, tenantId, StringComparison.Ordinal);
}

/// <summary>Who reports to whom in a round.</summary>
public enum ReportingMode
{
    /// <summary>Every assigned agency reports its part to the focal agency.</summary>
    ToFocal,

    /// <summary>Supporting agencies (phối hợp) give their part to the lead agency (chủ trì), which reports the task.</summary>
    SupportsToLead,
}

/// <summary>The words that ask for a chain round when the focal agency types the command.</summary>
public static class ReportingModes
{
    private static readonly string[][] ChainPhrases = [.. new[]
    {
        "phoi hop gui chu tri", "phoi hop bao cao chu tri", "phoi hop gui co quan chu tri", "phoi hop bao cao co quan chu tri",
        "phoi hop gui don vi chu tri", "qua co quan chu tri", "qua don vi chu tri",
    }.Select(p => p.Split(' '))];

    /// <summary>The mode the text asks for, and the text without its words (so they are not read as the plan's name).</summary>
    public static (ReportingMode Mode, string Others) Read(string? text)
    {
        var words = (text ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var folded = words.Select(w => Text.VietnameseText.Fold(w)).ToArray();
        for (var i = 0; i < words.Length; i++)
        {
            foreach (var phrase in ChainPhrases)
            {
                if (i + phrase.Length <= words.Length && phrase.Select((p, k) => folded[i + k] == p).All(same => same))
                {
                    return (ReportingMode.SupportsToLead, string.Join(' ', words.Take(i).Concat(words.Skip(i + phrase.Length))).TrimEnd(',', ';', ' '));
                }
            }
        }

        return (ReportingMode.ToFocal, text ?? string.Empty);
    }
}

public enum RoundState
{
    Open,
    Closed,
}
