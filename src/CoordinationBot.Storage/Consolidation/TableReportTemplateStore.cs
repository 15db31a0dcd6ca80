using CoordinationBot.Core.Consolidation;
using CoordinationBot.Storage.Tables;

namespace CoordinationBot.Storage.Consolidation;

/// <summary>Report templates in Azure Tables (table <c>reporttemplates</c>): one row per agency, naming its blob.</summary>
public sealed class TableReportTemplateStore(StorageTables service) : IReportTemplateStore
{
    private const string Partition = "template";
    private readonly EntityTable table = service.GetTable("reporttemplates");

    public async Task SaveAsync(ReportTemplateInfo info, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(info);
        var entity = new ReportTemplateEntity
        {
            PartitionKey = Partition,
            RowKey = TableKey.Encode(info.Agency),
            Agency = info.Agency,
            FileId = info.FileId,
            FileName = info.FileName,
            By = info.By,
            At = info.At,
        };
        await table.UpsertAsync(entity, StorageJsonContext.Default.ReportTemplateEntity, cancellationToken);
    }

    public async Task<ReportTemplateInfo?> GetAsync(string agency, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(agency);
        var entry = await table.GetAsync(Partition, TableKey.Encode(agency), StorageJsonContext.Default.ReportTemplateEntity, cancellationToken);
        return entry?.Value is { } e ? new ReportTemplateInfo(e.Agency, e.FileId, e.FileName, e.By, e.At) : null;
    }
}

/// <summary>One agency's template: partition "template", row = the agency.</summary>
public sealed record ReportTemplateEntity : IStoredEntity
{
    public required string PartitionKey { get; init; }

    public required string RowKey { get; init; }

    public required string Agency { get; init; }

    public required string FileId { get; init; }

    public required string FileName { get; init; }

    public required string By { get; init; }

    public DateTimeOffset At { get; init; }
}
