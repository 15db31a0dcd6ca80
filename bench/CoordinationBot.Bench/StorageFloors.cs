using System.Diagnostics;
using Azure.Data.Tables;

namespace CoordinationBot.Bench;

/// <summary>
/// What the storage itself cannot go below, measured on the same storage in the same run as a benchmark: the floor its
/// figure is divided by. Plain SDK calls with no processing of ours.
/// </summary>
public static class StorageFloors
{
    /// <summary>The p95 of <paramref name="count"/> single-request writes of one report-sized entity each, all at once.</summary>
    public static Task<double> SingleWritesP95Async(string storage, int count, CancellationToken cancellationToken) =>
        AllAtOnceP95Async(storage, "floorwrites", count, (table, i) => table.UpsertEntityAsync(ReportSized("round", $"agency-{i}~task-{i}", i), TableUpdateMode.Replace, cancellationToken), cancellationToken);

    /// <summary>
    /// The p95 of <paramref name="count"/> batches at once, each a submission's shape in one request: a handled mark, the
    /// round's open mark required (a merge of nothing), a report-sized entity and its history entry.
    /// </summary>
    public static Task<double> SubmissionBatchesP95Async(string storage, int count, CancellationToken cancellationToken) =>
        AllAtOnceP95Async(
            storage,
            "floorsubmits",
            count,
            (table, i) => table.SubmitTransactionAsync(
                [
                    new TableTransactionAction(TableTransactionActionType.Add, new TableEntity("round", $"%~a~action-{i}")),
                    new TableTransactionAction(TableTransactionActionType.UpdateMerge, new TableEntity("round", OpenMark), Azure.ETag.All),
                    new TableTransactionAction(TableTransactionActionType.Add, ReportSized("round", $"agency-{i}~task-{i}", i)),
                    new TableTransactionAction(TableTransactionActionType.Add, ReportSized("round", $"%~h~agency-{i}~task-{i}", i)),
                ],
                cancellationToken),
            cancellationToken,
            table => table.AddEntityAsync(new TableEntity("round", OpenMark), cancellationToken));

    private const string OpenMark = "%~o~0000000000000000001";

    /// <summary>The p95 latency of <paramref name="count"/> requests on a new table, released all at once.</summary>
    private static async Task<double> AllAtOnceP95Async(string storage, string tablePrefix, int count, Func<TableClient, int, Task> request, CancellationToken cancellationToken, Func<TableClient, Task>? prepare = null)
    {
        var table = new TableClient(storage, tablePrefix + Guid.NewGuid().ToString("N")[..8]);
        await table.CreateIfNotExistsAsync(cancellationToken);
        if (prepare is not null)
        {
            await prepare(table);
        }

        return await BenchTools.AllAtOnceP95Async(count, i => request(table, i), cancellationToken);
    }

    /// <summary>Seconds to write <paramref name="count"/> report-sized entities of one partition in batches of 100, one batch after another.</summary>
    public static async Task<double> BatchWritesSecondsAsync(string storage, int count, CancellationToken cancellationToken)
    {
        var table = new TableClient(storage, "floorbatches" + Guid.NewGuid().ToString("N")[..8]);
        await table.CreateIfNotExistsAsync(cancellationToken);
        var watch = Stopwatch.StartNew();
        foreach (var chunk in Enumerable.Range(0, count).Chunk(100))
        {
            await table.SubmitTransactionAsync(chunk.Select(i => new TableTransactionAction(TableTransactionActionType.UpsertReplace, ReportSized("plan", $"task-{i:D5}", i))), cancellationToken);
        }

        return watch.Elapsed.TotalSeconds;
    }

    /// <summary>Seconds to page every entity the filters select, all filters side by side, doing nothing with them; and how many.</summary>
    public static async Task<(double Seconds, int Entities)> PageSideBySideAsync(string storage, string tableName, IReadOnlyList<string> filters, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        var paged = await Task.WhenAll(filters.Select(filter => PageAllAsync(storage, tableName, filter, cancellationToken)));
        return (watch.Elapsed.TotalSeconds, paged.Sum(p => p.Entities));
    }

    /// <summary>Seconds to page every entity the filter selects from a table, reading each, doing nothing with it; and how many.</summary>
    public static async Task<(double Seconds, int Entities)> PageAllAsync(string storage, string tableName, string filter, CancellationToken cancellationToken)
    {
        var table = new TableClient(storage, tableName);
        var watch = Stopwatch.StartNew();
        var entities = 0;
        await foreach (var entity in table.QueryAsync<TableEntity>(filter, maxPerPage: 1000, cancellationToken: cancellationToken))
        {
            entities += entity.Count > 0 ? 1 : 0;
        }

        return (watch.Elapsed.TotalSeconds, entities);
    }

    private static TableEntity ReportSized(string partition, string row, int i) => new(partition, row)
    {
        ["Agency"] = $"Phòng Thử nghiệm {i}",
        ["TaskId"] = $"III.{i}.a",
        ["Status"] = "InProgress",
        ["Percent"] = 60,
        ["Result"] = $"Đã triển khai phần {i} của nhiệm vụ theo kế hoạch.",
        ["Difficulties"] = string.Empty,
        ["Proposals"] = string.Empty,
        ["SubmittedBy"] = $"Cán bộ {i}",
        ["SubmittedAt"] = DateTimeOffset.UtcNow,
    };
}
