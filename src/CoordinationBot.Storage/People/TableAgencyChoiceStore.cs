using CoordinationBot.Core.People;
using CoordinationBot.Storage.Tables;

namespace CoordinationBot.Storage.People;

/// <summary>Agencies users picked (table <c>agencychoices</c>): row = user's Entra object id.</summary>
public sealed class TableAgencyChoiceStore(TableServiceClient service) : IAgencyChoiceStore
{
    private const string Partition = "user";
    private readonly TableClient table = service.GetTableClient("agencychoices");

    public async Task<string?> GetAsync(string aadObjectId, CancellationToken cancellationToken)
    {
        var entry = await table.GetAsync(Partition, TableKey.Encode(aadObjectId), StorageJsonContext.Default.AgencyChoiceEntity, cancellationToken);
        return entry?.Value.Agency;
    }

    public Task SaveAsync(string aadObjectId, string agency, string chosenBy, CancellationToken cancellationToken) =>
        table.UpsertAsync(
            new AgencyChoiceEntity { PartitionKey = Partition, RowKey = TableKey.Encode(aadObjectId), Agency = agency, ChosenBy = chosenBy },
            StorageJsonContext.Default.AgencyChoiceEntity,
            cancellationToken);
}

public sealed record AgencyChoiceEntity : ITableEntity
{
    public required string PartitionKey { get; init; }

    public required string RowKey { get; init; }

    public required string Agency { get; init; }

    /// <summary>Who set it: the user themself, or an administrator's object id.</summary>
    public required string ChosenBy { get; init; }
}
