using System.Collections.Concurrent;
using CoordinationBot.Core.StatusReports;

namespace CoordinationBot.Storage.StatusReports;

/// <summary>
/// The rounds this instance read last, with their versions. Nothing is decided on them alone: a report saved against a
/// version proves in its own batch that the round is still there, and a refusal is made on a fresh read. Officers who
/// press Gửi at once on one round share one read.
/// </summary>
internal sealed class RecentRounds
{
    private const int MaxRounds = 10_000;
    private readonly ConcurrentDictionary<string, Lazy<Task<StoredRound?>>> rounds = new(StringComparer.Ordinal);

    public async Task<StoredRound?> GetAsync(string roundId, Func<Task<StoredRound?>> read, CancellationToken cancellationToken)
    {
        var entry = rounds.GetOrAdd(roundId, _ => new Lazy<Task<StoredRound?>>(read));
        try
        {
            var round = await entry.Value.WaitAsync(cancellationToken);
            if (round?.Version is null)
            {
                rounds.TryRemove(KeyValuePair.Create(roundId, entry));
            }

            return round;
        }
        catch (Exception) when (entry.Value.IsFaulted || entry.Value.IsCanceled)
        {
            rounds.TryRemove(KeyValuePair.Create(roundId, entry));
            throw;
        }
    }

    /// <summary>What a read or a change of this instance just found; a round without a version is not kept.</summary>
    public void Set(string roundId, StoredRound? round)
    {
        if (round?.Version is null)
        {
            rounds.TryRemove(roundId, out _);
            return;
        }

        if (rounds.Count >= MaxRounds)
        {
            rounds.Clear();
        }

        rounds[roundId] = new Lazy<Task<StoredRound?>>(Task.FromResult<StoredRound?>(round));
    }
}
