namespace CoordinationBot.Core.Board;

/// <summary>Who looks at the board: the Entra user, the agency the directory confirms for them, whether an administrator, and their tenant.</summary>
public sealed record BoardViewer(string AadObjectId, string? Agency, bool Administrator, string? TenantId);

/// <summary>How much of a plan's round a viewer sees: all of it (its focal agency, an administrator) or one agency's part.</summary>
public sealed record BoardScope(bool Whole, string? Agency)
{
    public static BoardScope All { get; } = new(true, null);

    public static BoardScope Of(string agency) => new(false, agency);
}

/// <summary>A round the viewer may open on the board, with how much of it they see.</summary>
public sealed record BoardRound(string RoundId, string PlanKey, string PlanLabel, string PlanTitle, string Period, DateOnly Due, bool Open, DateTimeOffset OpenedAt, BoardScope Scope);
