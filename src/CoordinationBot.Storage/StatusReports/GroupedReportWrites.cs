using CoordinationBot.Storage.Tables;

namespace CoordinationBot.Storage.StatusReports;

/// <summary>
/// Report parts of one round that wait at the same moment go to the storage together, in batches of up to
/// <see cref="TableBatch.MaxChanges"/> changes: when a hundred officers press "Gửi" at once the storage serves a few
/// batches, not a hundred. A part that finds a batch free goes at once, alone. Each part still gets its own outcome:
/// a batch refused for one part's change is sent again without that change.
/// </summary>
internal sealed class GroupedReportWrites(EntityTable table)
{
    /// <summary>
    /// Batches of one round in flight at once; parts arriving meanwhile wait for the first to come back (100 at once on
    /// Azurite, <c>bench submit</c>: 1, 2 and 8 gave a higher p95 than 4).
    /// </summary>
    private const int BatchesInFlight = 4;

    /// <summary>Text one batch may carry: the service takes 4 MiB, and JSON may write a Vietnamese letter as a six-byte escape.</summary>
    private const int MaxBatchText = 300_000;

    private readonly Lock gate = new();
    private readonly Dictionary<string, RoundQueue> rounds = new(StringComparer.Ordinal);

    public async Task<Core.StatusReports.ReportsSaved> SaveAsync(ReportPart part, CancellationToken cancellationToken)
    {
        bool start;
        lock (gate)
        {
            var queue = rounds.TryGetValue(part.RoundId, out var existing) ? existing : rounds[part.RoundId] = new RoundQueue();
            queue.Waiting.Add(part);
            start = queue.InFlight < BatchesInFlight;
            if (start)
            {
                queue.InFlight++;
            }
        }

        if (start)
        {
            // Writes on until nothing waits; a part whose caller gave up is still written whole, or not at all.
            _ = Task.Run(() => WriteAsync(part.RoundId), CancellationToken.None);
        }

        return await part.Outcome.WaitAsync(cancellationToken);
    }

    private async Task WriteAsync(string roundId)
    {
        while (true)
        {
            List<ReportPart> parts;
            lock (gate)
            {
                var queue = rounds[roundId];
                parts = Take(queue.Waiting);
                if (parts.Count == 0)
                {
                    if (--queue.InFlight == 0)
                    {
                        rounds.Remove(roundId);
                    }

                    return;
                }
            }

            var again = await WriteBatchAsync(roundId, parts);
            if (again.Count > 0)
            {
                lock (gate)
                {
                    rounds[roundId].Waiting.InsertRange(0, again);
                }
            }
        }
    }

    /// <summary>Takes the waiting parts, oldest first, that fit one batch together; the oldest always fits.</summary>
    private static List<ReportPart> Take(List<ReportPart> waiting)
    {
        var taken = new List<ReportPart>();
        var rows = new HashSet<string>(StringComparer.Ordinal);
        var opens = new HashSet<string>(StringComparer.Ordinal);
        var (changes, text) = (0, 0);
        foreach (var part in waiting)
        {
            var changesWith = changes + part.Changes + (part.OpenRow is { } open && !opens.Contains(open) ? 1 : 0);
            var textWith = text + part.Text;
            var shared = part.SharedRows.ToList();
            if (taken.Count > 0 && (part.Alone || changesWith > TableBatch.MaxChanges || textWith > MaxBatchText || shared.Exists(rows.Contains)))
            {
                continue;
            }

            taken.Add(part);
            rows.UnionWith(shared);
            if (part.OpenRow is not null)
            {
                opens.Add(part.OpenRow);
            }

            (changes, text) = (changesWith, textWith);
            if (part.Alone)
            {
                break;
            }
        }

        waiting.RemoveAll(taken.Contains);
        return taken;
    }

    /// <summary>What a change of the batch is: a part's handled mark, an open mark the parts of one version share, or a part's report (or its history entry).</summary>
    private readonly record struct Owner(ReportPart? Part, string? OpenRow, int Report, bool IsHistory = false);

    private const int MarkerChange = -1;

    /// <summary>Writes the parts in one batch and gives each its outcome; returns those to send again.</summary>
    private async Task<IReadOnlyList<ReportPart>> WriteBatchAsync(string roundId, List<ReportPart> parts)
    {
        var owners = new List<Owner>();
        try
        {
            var versions = await table.SubmitAsync(Batch(roundId, parts, owners), CancellationToken.None);
            for (var c = 0; c < owners.Count && c < versions.Count; c++)
            {
                if (owners[c] is { Part: { } part, Report: >= 0, IsHistory: false } owner)
                {
                    part.Stored.Add(new Core.StatusReports.StoredReport(ReportRows.Report(roundId, part.Reports[owner.Report].Entity), versions[c]));
                }
            }

            parts.ForEach(p => p.Saved());
            return [];
        }
        catch (TableBatchConflictException conflict) when (conflict.FailedIndex >= 0 && conflict.FailedIndex < owners.Count)
        {
            var failed = owners[conflict.FailedIndex];
            if (failed.OpenRow is { } open)
            {
                parts.Where(p => p.OpenRow == open).ToList().ForEach(p => p.RoundChanged());
                return [.. parts.Where(p => p.OpenRow != open)];
            }

            var part = failed.Part!;
            if (failed.Report == MarkerChange)
            {
                part.AlreadyHandled();
            }
            else if (!part.Refuse(failed.Report))
            {
                part.Saved();
            }

            return [.. parts.Where(p => !p.Outcome.IsCompleted)];
        }
        catch (Exception) when (parts.Count > 1)
        {
            // Not pinned on one change: each part is sent again on its own, so each gets its own outcome.
            parts.ForEach(p => p.Alone = true);
            return parts;
        }
        catch (Exception failure)
        {
            parts[0].Failed(failure);
            return [];
        }
    }

    /// <summary>The parts' changes in one batch, and in <paramref name="owners"/> whose each change is.</summary>
    private static TableBatch Batch(string roundId, List<ReportPart> parts, List<Owner> owners)
    {
        var partition = TableKey.Encode(roundId);
        var batch = new TableBatch();
        // The handled marks first: a repeated invoke fails on its mark before anything else is tried. Then the open
        // marks: a round changed since its reports were checked fails on its mark.
        foreach (var part in parts.Where(p => p.Marker is not null))
        {
            batch.Add(part.Marker!, StorageJsonContext.Default.MarkerEntity);
            owners.Add(new Owner(part, null, MarkerChange));
        }

        foreach (var open in parts.Select(p => p.OpenRow).OfType<string>().Distinct(StringComparer.Ordinal))
        {
            batch.RequireExisting(partition, open);
            owners.Add(new Owner(null, open, MarkerChange));
        }

        foreach (var part in parts)
        {
            for (var i = 0; i < part.Reports.Count; i++)
            {
                var change = part.Reports[i];
                if (change.ETag is { } etag)
                {
                    batch.Update(change.Entity, etag, StorageJsonContext.Default.ReportEntity);
                }
                else
                {
                    batch.Add(change.Entity, StorageJsonContext.Default.ReportEntity);
                }

                batch.Add(change.History, StorageJsonContext.Default.HistoryEntity);
                owners.Add(new Owner(part, null, i));
                owners.Add(new Owner(part, null, i, IsHistory: true));
            }
        }

        return batch;
    }

    private sealed class RoundQueue
    {
        public List<ReportPart> Waiting { get; } = [];

        public int InFlight { get; set; }
    }
}
