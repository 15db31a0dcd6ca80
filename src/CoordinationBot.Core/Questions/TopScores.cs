namespace CoordinationBot.Core.Questions;

/// <summary>The best few of many scored items without sorting them all (a common word scores most of 50,000 tasks).</summary>
public static class TopScores
{
    /// <summary>The <paramref name="count"/> highest-scoring items, best first; equal scores keep their order, as a stable sort would.</summary>
    public static List<T> Best<T>(this IEnumerable<T> items, int count, Func<T, double> score)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(score);
        // A min-heap of the best so far: the worst of them (lowest score, then latest) is the first to go.
        var heap = new PriorityQueue<(T Item, double Score, int Order), (double Score, int Order)>(count + 1, Comparer<(double Score, int Order)>.Create((a, b) => a.Score != b.Score ? a.Score.CompareTo(b.Score) : b.Order.CompareTo(a.Order)));
        var order = 0;
        foreach (var item in items)
        {
            var value = score(item);
            // Full, and no better than the worst kept (an equal score came later): it would be the one to go.
            if (heap.Count == count && heap.TryPeek(out _, out var worst) && value <= worst.Score)
            {
                order++;
                continue;
            }

            heap.Enqueue((item, value, order), (value, order));
            order++;
            if (heap.Count > count)
            {
                heap.Dequeue();
            }
        }

        var best = new List<(T Item, double Score, int Order)>(heap.Count);
        while (heap.Count > 0)
        {
            best.Add(heap.Dequeue());
        }

        best.Reverse();
        return best.Select(b => b.Item).ToList();
    }
}
