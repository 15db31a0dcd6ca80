namespace CoordinationBot.Core.Plans.Import;

/// <summary>Port: the plan registry's storage.</summary>
public interface IPlanStore
{
    /// <summary>The version stored from exactly these bytes, if any.</summary>
    Task<StoredPlan?> FindBySourceHashAsync(string sourceHash, CancellationToken cancellationToken);

    /// <summary>The newest version of the plan with this key, if any.</summary>
    Task<StoredPlan?> GetLatestAsync(string key, CancellationToken cancellationToken);

    /// <summary>The number of the newest version of the plan with this key; 0 when there is none.</summary>
    Task<int> LatestVersionAsync(string key, CancellationToken cancellationToken);

    /// <summary>One version of a plan, if stored.</summary>
    Task<StoredPlan?> GetAsync(string key, int version, CancellationToken cancellationToken);

    /// <summary>Stores a new version; it becomes visible only once complete. A version that already exists is a conflict.</summary>
    Task SaveAsync(StoredPlan plan, CancellationToken cancellationToken);

    /// <summary>The newest version of every plan.</summary>
    IAsyncEnumerable<StoredPlan> ListLatestAsync(CancellationToken cancellationToken);

    /// <summary>The versions as read from their documents, without what is laid over them (the focal agency's corrections).</summary>
    IPlanStore AsRead => this;
}
