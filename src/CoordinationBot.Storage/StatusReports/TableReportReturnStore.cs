using Azure.Data.Tables;
using CoordinationBot.Core.StatusReports;
using CoordinationBot.Storage.Tables;

namespace CoordinationBot.Storage.StatusReports;

/// <summary>
/// Returns of reports in Azure Tables (table <c>reportreturns</c>): partition = round, row = agency~time~random. Rows are
/// only ever added, so every return stays, and two returns at once both stay.
/// </summary>
public sealed class TableReportReturnStore(StorageTables service) : IReportReturnStore
{
    private readonly EntityTable table = service.GetTable("reportreturns");

    public async Task AddAsync(ReportReturn reportReturn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reportReturn);
        var entity = new ReportReturnEntity
        {
            PartitionKey = TableKey.Encode(reportReturn.RoundId),
            RowKey = TableKey.TimedRow(reportReturn.Agency, reportReturn.At),
            Agency = reportReturn.Agency,
            Comment = reportReturn.Comment,
            ReturnedBy = reportReturn.ReturnedBy,
            ReturnedByName = reportReturn.ReturnedByName,
            ReturnedByAgency = reportReturn.ReturnedByAgency,
            At = reportReturn.At,
        };
        await table.AddAsync(entity, StorageJsonContext.Default.ReportReturnEntity, cancellationToken);
    }

    public Task<IReadOnlyList<ReportReturn>> ListAsync(string roundId, CancellationToken cancellationToken) =>
        ReadAsync(roundId, TableClient.CreateQueryFilter($"PartitionKey eq {TableKey.Encode(roundId)}"), cancellationToken);

    public Task<IReadOnlyList<ReportReturn>> ListAsync(string roundId, string agency, CancellationToken cancellationToken) =>
        ReadAsync(roundId, TableKey.RowsOf(roundId, agency), cancellationToken);

    private async Task<IReadOnlyList<ReportReturn>> ReadAsync(string roundId, string filter, CancellationToken cancellationToken)
    {
        var list = new List<ReportReturn>();
        await foreach (var entry in table.QueryAsync(filter, StorageJsonContext.Default.ReportReturnEntity, cancellationToken))
        {
            var e = entry.Value;
            list.Add(new ReportReturn(roundId, e.Agency, e.Comment, e.ReturnedBy, e.ReturnedByName, e.ReturnedByAgency, e.At));
        }

        return [.. list.OrderBy(r => r.At)];
    }
}

/// <summary>One return of one agency's report: partition = round, row = agency~time~random.</summary>
public sealed record ReportReturnEntity : IStoredEntity
{
    public required string PartitionKey { get; init; }

    public required string RowKey { get; init; }

    public required string Agency { get; init; }

    public required string Comment { get; init; }

    public required string ReturnedBy { get; init; }

    public string? ReturnedByName { get; init; }

    public string? ReturnedByAgency { get; init; }

    public DateTimeOffset At { get; init; }
}
