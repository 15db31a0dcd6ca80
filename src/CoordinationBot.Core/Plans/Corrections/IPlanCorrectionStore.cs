namespace CoordinationBot.Core.Plans.Corrections;

/// <summary>Port: the corrections of each plan, append-only.</summary>
public interface IPlanCorrectionStore
{
    /// <summary>The plan's corrections in the order they were made.</summary>
    Task<IReadOnlyList<PlanCorrection>> ListAsync(string planKey, CancellationToken cancellationToken);

    /// <summary>Every plan's corrections (one read for the whole registry), in order within each plan.</summary>
    Task<IReadOnlyList<PlanCorrection>> ListAllAsync(CancellationToken cancellationToken);

    /// <summary>Appends a correction under the next free sequence number; returns it as stored.</summary>
    Task<PlanCorrection> AddAsync(PlanCorrection correction, CancellationToken cancellationToken);
}
