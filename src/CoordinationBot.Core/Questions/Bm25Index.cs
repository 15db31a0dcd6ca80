namespace CoordinationBot.Core.Questions;

/// <summary>
/// BM25 over folded syllables and syllable pairs. Query terms unknown to the index are matched to a known term one
/// edit away (typos: "phong vein" → "phong vien").
/// </summary>
public sealed class Bm25Index
{
    private const double K1 = 1.2;
    private const double B = 0.75;
    private readonly Dictionary<string, List<(int Doc, int Count)>> postings = new(StringComparer.Ordinal);
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, string?> typos = new(StringComparer.Ordinal);
    private readonly int[] lengths;
    private readonly double averageLength;

    public Bm25Index(IReadOnlyList<string> documents)
    {
        ArgumentNullException.ThrowIfNull(documents);
        lengths = new int[documents.Count];
        for (var doc = 0; doc < documents.Count; doc++)
        {
            var terms = TextTerms.Of(documents[doc]);
            lengths[doc] = terms.Count;
            foreach (var group in terms.GroupBy(t => t, StringComparer.Ordinal))
            {
                if (!postings.TryGetValue(group.Key, out var list))
                {
                    postings[group.Key] = list = [];
                }

                list.Add((doc, group.Count()));
            }
        }

        averageLength = documents.Count == 0 ? 1 : Math.Max(1, lengths.Average());
    }

    public int Count => lengths.Length;

    /// <summary>Scores of every document that shares a term with the query.</summary>
    public Dictionary<int, double> Score(string query)
    {
        // Summed in an array (a common word is in most of 50,000 tasks), then handed out for the documents touched.
        var sums = new double[Count];
        var touched = new List<int>();
        foreach (var term in TextTerms.Of(query).Select(Resolve).OfType<string>().Distinct(StringComparer.Ordinal))
        {
            var list = postings[term];
            var idf = Math.Log(1 + ((Count - list.Count + 0.5) / (list.Count + 0.5)));
            var weight = term.Contains('_', StringComparison.Ordinal) ? 1.5 : 1.0;
            foreach (var (doc, count) in list)
            {
                if (sums[doc] == 0)
                {
                    touched.Add(doc);
                }

                var tf = count * (K1 + 1) / (count + (K1 * (1 - B + (B * lengths[doc] / averageLength))));
                sums[doc] += weight * idf * tf;
            }
        }

        var scores = new Dictionary<int, double>(touched.Count);
        foreach (var doc in touched)
        {
            scores[doc] = sums[doc];
        }

        return scores;
    }

    /// <summary>The share of the query's words (not pairs) that the document contains: a good match covers most of the question.</summary>
    public double Coverage(string query, int doc)
    {
        var words = TextTerms.Of(query).Where(t => !t.Contains('_', StringComparison.Ordinal)).Distinct(StringComparer.Ordinal).ToList();
        if (words.Count == 0)
        {
            return 0;
        }

        var found = words.Select(Resolve).Count(term => term is not null && Contains(postings[term], doc));
        return (double)found / words.Count;
    }

    /// <summary>Whether a posting list (in document order, as built) holds the document: a binary search.</summary>
    private static bool Contains(List<(int Doc, int Count)> list, int doc)
    {
        var (low, high) = (0, list.Count - 1);
        while (low <= high)
        {
            var middle = low + ((high - low) / 2);
            var found = list[middle].Doc;
            if (found == doc)
            {
                return true;
            }

            (low, high) = found < doc ? (middle + 1, high) : (low, middle - 1);
        }

        return false;
    }

    private string? Resolve(string term)
    {
        if (postings.ContainsKey(term))
        {
            return term;
        }

        if (term.Contains('_', StringComparison.Ordinal) || term.Length < 5)
        {
            return null;
        }

        // A typo is looked up in the whole vocabulary once, not again for every task a question is weighed against.
        if (typos.TryGetValue(term, out var known))
        {
            return known;
        }

        known = postings.Keys.FirstOrDefault(k => !k.Contains('_', StringComparison.Ordinal) && Math.Abs(k.Length - term.Length) <= 1 && OneEditApart(k, term));
        if (typos.Count < 10_000)
        {
            typos.TryAdd(term, known);
        }

        return known;
    }

    private static bool OneEditApart(string a, string b)
    {
        if (a.Length == b.Length)
        {
            var differences = 0;
            for (var i = 0; i < a.Length && differences < 2; i++)
            {
                differences += a[i] != b[i] ? 1 : 0;
            }

            return differences == 1 || (differences == 2 && IsSwap(a, b));
        }

        var (shorter, longer) = a.Length < b.Length ? (a, b) : (b, a);
        var skipped = false;
        for (int i = 0, j = 0; i < shorter.Length; j++)
        {
            if (shorter[i] == longer[j])
            {
                i++;
                continue;
            }

            if (skipped)
            {
                return false;
            }

            skipped = true;
        }

        return true;
    }

    private static bool IsSwap(string a, string b)
    {
        var first = -1;
        for (var i = 0; i < a.Length; i++)
        {
            if (a[i] != b[i])
            {
                if (first < 0)
                {
                    first = i;
                }
                else
                {
                    return i == first + 1 && a[first] == b[i] && a[i] == b[first];
                }
            }
        }

        return false;
    }
}
