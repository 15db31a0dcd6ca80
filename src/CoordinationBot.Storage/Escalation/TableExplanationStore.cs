using System.Globalization;
using Azure.Data.Tables;
using CoordinationBot.Core.Escalation;
using CoordinationBot.Storage.Tables;

namespace CoordinationBot.Storage.Escalation;

/// <summary>
/// Explanations of late reports in Azure Tables (table <c>explanations</c>): partition = round, row = agency~time~random.
/// Rows are only ever added, so every explanation stays.
/// </summary>
public sealed class TableExplanationStore(StorageTables service) : IExplanationStore
{
    private readonly EntityTable table = service.GetTable("explanations");

    public async Task AddAsync(Explanation explanation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(explanation);
        var entity = new ExplanationEntity
        {
            PartitionKey = TableKey.Encode(explanation.RoundId),
            RowKey = TableKey.TimedRow(explanation.Agency, explanation.At),
            Agency = explanation.Agency,
            Reason = explanation.Reason,
            NewDate = explanation.NewDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            By = explanation.By,
            ByName = explanation.ByName,
            At = explanation.At,
        };
        await table.AddAsync(entity, StorageJsonContext.Default.ExplanationEntity, cancellationToken);
    }

    public async Task<IReadOnlyList<Explanation>> ListAsync(string roundId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(roundId);
        var list = new List<Explanation>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {TableKey.Encode(roundId)}");
        await foreach (var entry in table.QueryAsync(filter, StorageJsonContext.Default.ExplanationEntity, cancellationToken))
        {
            var e = entry.Value;
            var date = DateOnly.ParseExact(e.NewDate, "yyyy-MM-dd", CultureInfo.InvariantCulture);
            list.Add(new Explanation(roundId, e.Agency, e.Reason, date, e.By, e.ByName, e.At));
        }

        return [.. list.OrderBy(e => e.At)];
    }
}

/// <summary>One explanation of one agency: partition = round, row = agency~time~random.</summary>
public sealed record ExplanationEntity : IStoredEntity
{
    public required string PartitionKey { get; init; }

    public required string RowKey { get; init; }

    public required string Agency { get; init; }

    public required string Reason { get; init; }

    public required string NewDate { get; init; }

    public required string By { get; init; }

    public string? ByName { get; init; }

    public DateTimeOffset At { get; init; }
}
