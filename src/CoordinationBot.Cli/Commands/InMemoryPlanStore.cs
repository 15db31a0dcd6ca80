using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using CoordinationBot.Core.Plans;
using CoordinationBot.Core.Plans.Import;

namespace CoordinationBot.Cli.Commands;

/// <summary>A throw-away plan store for <c>ask --plans DIR</c>: the plans live as long as the command.</summary>
public sealed class InMemoryPlanStore : IPlanStore
{
    private readonly ConcurrentDictionary<(string Key, int Version), StoredPlan> plans = new();

    public Task<StoredPlan?> FindBySourceHashAsync(string sourceHash, CancellationToken cancellationToken) =>
        Task.FromResult(plans.Values.FirstOrDefault(p => p.SourceHash == sourceHash));

    public Task<StoredPlan?> GetLatestAsync(string key, CancellationToken cancellationToken) =>
        Task.FromResult(plans.Values.Where(p => p.Key == key).MaxBy(p => p.Version));

    public Task<int> LatestVersionAsync(string key, CancellationToken cancellationToken) =>
        Task.FromResult(plans.Keys.Where(k => k.Key == key).Select(k => k.Version).DefaultIfEmpty(0).Max());

    public Task<StoredPlan?> GetAsync(string key, int version, CancellationToken cancellationToken) =>
        Task.FromResult(plans.GetValueOrDefault((key, version)));

    public Task SaveAsync(StoredPlan plan, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return plans.TryAdd((plan.Key, plan.Version), plan) ? Task.CompletedTask : throw new InvalidOperationException($"{plan.Key} v{plan.Version} exists.");
    }

    public async IAsyncEnumerable<StoredPlan> ListLatestAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var plan in plans.Values.GroupBy(p => p.Key).Select(g => g.MaxBy(p => p.Version)!).OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            await Task.Yield();
            yield return plan;
        }
    }
}
