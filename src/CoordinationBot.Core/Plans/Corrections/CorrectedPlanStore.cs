using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using CoordinationBot.Core.Agencies;
using CoordinationBot.Core.Plans.Import;

namespace CoordinationBot.Core.Plans.Corrections;

/// <summary>
/// The plan registry as everyone else sees it: each version as read, with the focal agency's corrections laid over it
/// (so an open round, a question and a card all see a corrected lead at once). The versions as read stay in
/// <see cref="AsRead"/>. A plan's corrections are read at most every <see cref="MaxAge"/> per plan (as the question catalog
/// is), at once after a correction in this instance.
/// </summary>
public sealed class CorrectedPlanStore(IPlanStore read, IPlanCorrectionStore corrections, AgencyRegistry registry, TimeProvider time) : IPlanStore
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(30);
    private readonly ConcurrentDictionary<string, (IReadOnlyList<PlanCorrection> List, DateTimeOffset ReadAt)> known = new(StringComparer.Ordinal);

    /// <summary>The versions as read, without corrections.</summary>
    public IPlanStore AsRead => read;

    public async Task<StoredPlan?> FindBySourceHashAsync(string sourceHash, CancellationToken cancellationToken) =>
        await CorrectAsync(await read.FindBySourceHashAsync(sourceHash, cancellationToken), cancellationToken);

    public async Task<StoredPlan?> GetLatestAsync(string key, CancellationToken cancellationToken) =>
        await CorrectAsync(await read.GetLatestAsync(key, cancellationToken), cancellationToken);

    public Task<int> LatestVersionAsync(string key, CancellationToken cancellationToken) => read.LatestVersionAsync(key, cancellationToken);

    public async Task<StoredPlan?> GetAsync(string key, int version, CancellationToken cancellationToken) =>
        await CorrectAsync(await read.GetAsync(key, version, cancellationToken), cancellationToken);

    public Task SaveAsync(StoredPlan plan, CancellationToken cancellationToken) => read.SaveAsync(plan, cancellationToken);

    public async IAsyncEnumerable<StoredPlan> ListLatestAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // Every plan's corrections in one read, not one per plan.
        var all = (await corrections.ListAllAsync(cancellationToken)).ToLookup(c => c.PlanKey, StringComparer.Ordinal);
        var now = time.GetUtcNow();
        await foreach (var plan in read.ListLatestAsync(cancellationToken))
        {
            IReadOnlyList<PlanCorrection> list = [.. all[plan.Key].OrderBy(c => c.Sequence)];
            known[plan.Key] = (list, now);
            yield return Corrected(plan, list);
        }
    }

    /// <summary>The plan's corrections, fresh from storage when asked to or older than <see cref="MaxAge"/>.</summary>
    public async Task<IReadOnlyList<PlanCorrection>> CorrectionsAsync(string key, CancellationToken cancellationToken, bool fresh = false)
    {
        if (!fresh && known.TryGetValue(key, out var cached) && time.GetUtcNow() - cached.ReadAt < MaxAge)
        {
            return cached.List;
        }

        var list = await corrections.ListAsync(key, cancellationToken);
        known[key] = (list, time.GetUtcNow());
        return list;
    }

    /// <summary>Stores a correction; this instance sees it at once.</summary>
    public async Task<PlanCorrection> AddAsync(PlanCorrection correction, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(correction);
        var stored = await corrections.AddAsync(correction, cancellationToken);
        known.TryRemove(correction.PlanKey, out _);
        return stored;
    }

    /// <summary>A plan not read from the registry (a previewed file) with the corrections kept under its key, read fresh.</summary>
    public async Task<StoredPlan> WithCorrectionsAsync(StoredPlan stored, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stored);
        return Corrected(stored, await CorrectionsAsync(stored.Key, cancellationToken, fresh: true));
    }

    private async Task<StoredPlan?> CorrectAsync(StoredPlan? stored, CancellationToken cancellationToken)
    {
        if (stored is null)
        {
            return null;
        }

        return Corrected(stored, await CorrectionsAsync(stored.Key, cancellationToken));
    }

    private StoredPlan Corrected(StoredPlan stored, IReadOnlyList<PlanCorrection> list) =>
        list.Count == 0 ? stored : stored with { Plan = PlanCorrections.Apply(stored.Plan, list, name => registry.FindExact(name) is not null) };
}
