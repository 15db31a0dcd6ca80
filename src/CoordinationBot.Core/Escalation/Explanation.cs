namespace CoordinationBot.Core.Escalation;

/// <summary>
/// An agency's written explanation (giải trình) of a report it has not sent by the due date: why, and by when it will
/// send it. Explanations are only added; the latest of each agency is the one that counts.
/// </summary>
public sealed record Explanation(string RoundId, string Agency, string Reason, DateOnly NewDate, string By, string? ByName, DateTimeOffset At)
{
    /// <summary>Each agency's latest explanation, by agency.</summary>
    public static IReadOnlyList<Explanation> Latest(IEnumerable<Explanation> explanations)
    {
        ArgumentNullException.ThrowIfNull(explanations);
        return [.. explanations.GroupBy(e => e.Agency, StringComparer.Ordinal).Select(g => g.MaxBy(e => e.At)!).OrderBy(e => e.Agency, StringComparer.Ordinal)];
    }
}

/// <summary>Port: the explanations of a round (append-only).</summary>
public interface IExplanationStore
{
    Task AddAsync(Explanation explanation, CancellationToken cancellationToken);

    /// <summary>Every explanation of the round, oldest first.</summary>
    Task<IReadOnlyList<Explanation>> ListAsync(string roundId, CancellationToken cancellationToken);
}
