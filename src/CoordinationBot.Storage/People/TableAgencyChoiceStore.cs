using Azure.Data.Tables;
using CoordinationBot.Core.People;
using CoordinationBot.Storage.Tables;

namespace CoordinationBot.Storage.People;

/// <summary>Agencies users picked (table <c>agencychoices</c>): row = user's Entra object id.</summary>
public sealed class TableAgencyChoiceStore(StorageTables service) : IAgencyChoiceStore
{
    private const string Partition = "user";
    private readonly EntityTable table = service.GetTable("agencychoices");

    public async Task<AgencyChoice?> GetAsync(string aadObjectId, CancellationToken cancellationToken)
    {
        var entry = await table.GetAsync(Partition, TableKey.Encode(aadObjectId), StorageJsonContext.Default.AgencyChoiceEntity, cancellationToken);
        return entry is null ? null : Choice(entry.Value);
    }

    public Task SaveAsync(string aadObjectId, AgencyChoice choice, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(choice);
        return table.UpsertAsync(
            new AgencyChoiceEntity { PartitionKey = Partition, RowKey = TableKey.Encode(aadObjectId), Agency = choice.Agency, ChosenBy = choice.ChosenBy, UserName = choice.UserName, ConfirmedBy = choice.ConfirmedBy },
            StorageJsonContext.Default.AgencyChoiceEntity,
            cancellationToken);
    }

    public async Task<bool> ConfirmAsync(string aadObjectId, string agency, string confirmedBy, CancellationToken cancellationToken)
    {
        var entry = await table.GetAsync(Partition, TableKey.Encode(aadObjectId), StorageJsonContext.Default.AgencyChoiceEntity, cancellationToken);
        if (entry is null || !string.Equals(entry.Value.Agency, agency, StringComparison.Ordinal))
        {
            return false;
        }

        try
        {
            // Guarded by the ETag: a re-pick between reading and confirming is not confirmed.
            await table.UpdateAsync(entry.Value with { ConfirmedBy = confirmedBy }, entry.ETag, StorageJsonContext.Default.AgencyChoiceEntity, cancellationToken);
            return true;
        }
        catch (TableConflictException)
        {
            return false;
        }
    }

    public async Task<IReadOnlyList<(string AadObjectId, AgencyChoice Choice)>> ListUnconfirmedAsync(CancellationToken cancellationToken)
    {
        var list = new List<(string, AgencyChoice)>();
        await foreach (var entry in table.QueryAsync(TableClient.CreateQueryFilter($"PartitionKey eq {Partition}"), StorageJsonContext.Default.AgencyChoiceEntity, cancellationToken))
        {
            if (entry.Value.ConfirmedBy is null)
            {
                list.Add((TableKey.Decode(entry.Value.RowKey), Choice(entry.Value)));
            }
        }

        return list;
    }

    private static AgencyChoice Choice(AgencyChoiceEntity entity) => new(entity.Agency, entity.ChosenBy, entity.UserName, entity.ConfirmedBy);
}

public sealed record AgencyChoiceEntity : IStoredEntity
{
    public required string PartitionKey { get; init; }

    public required string RowKey { get; init; }

    public required string Agency { get; init; }

    /// <summary>Who set it: the user themself, or an administrator's object id.</summary>
    public required string ChosenBy { get; init; }

    public string? UserName { get; init; }

    /// <summary>Who confirmed it (the focal agency's officer or an administrator); null while it is only the user's pick.</summary>
    public string? ConfirmedBy { get; init; }
}
