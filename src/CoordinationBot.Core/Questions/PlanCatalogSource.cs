using CoordinationBot.Core.Plans.Import;

namespace CoordinationBot.Core.Questions;

/// <summary>
/// The catalog questions are answered from, rebuilt from the plan store at most every <see cref="MaxAge"/> and at
/// once after an import in this instance (other instances catch up within <see cref="MaxAge"/>).
/// </summary>
public sealed class PlanCatalogSource(IPlanStore store, TimeProvider time) : IDisposable
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(30);
    private readonly SemaphoreSlim gate = new(1, 1);
    private volatile Snapshot? current;

    public async Task<PlanCatalog> GetAsync(CancellationToken cancellationToken)
    {
        if (current is { } fresh && time.GetUtcNow() - fresh.BuiltAt < MaxAge)
        {
            return fresh.Catalog;
        }

        await gate.WaitAsync(cancellationToken);
        try
        {
            if (current is { } again && time.GetUtcNow() - again.BuiltAt < MaxAge)
            {
                return again.Catalog;
            }

            var plans = await store.ListLatestAsync(cancellationToken).ToListAsync(cancellationToken);
            var catalog = new PlanCatalog(plans);
            current = new Snapshot(catalog, time.GetUtcNow());
            return catalog;
        }
        finally
        {
            gate.Release();
        }
    }

    public void Invalidate() => current = null;

    public void Dispose() => gate.Dispose();

    private sealed record Snapshot(PlanCatalog Catalog, DateTimeOffset BuiltAt);
}
