using System.Text.Json;
using CoordinationBot.Core.StatusReports;
using CoordinationBot.Storage.Tables;

namespace CoordinationBot.Storage.StatusReports;

/// <summary>Drafts in Azure Tables (table <c>statusdrafts</c>): partition = round, row = agency; the fields as JSON.</summary>
public sealed class TableStatusDraftStore(StorageTables service) : IStatusDraftStore
{
    private readonly EntityTable table = service.GetTable("statusdrafts");

    // Vietnamese text kept as it is (not \u-escaped), so a draft of 20,000 characters fits the property's 64 KiB.
    private static readonly StorageJsonContext Unescaped = new(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });

    public async Task SaveAsync(StatusDraft draft, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(draft);
        await table.UpsertAsync(
            new StatusDraftEntity
            {
                PartitionKey = TableKey.Encode(draft.RoundId),
                RowKey = TableKey.Encode(draft.Agency),
                Agency = draft.Agency,
                Entries = JsonSerializer.Serialize(draft.Entries, Unescaped.IReadOnlyListStatusEntry),
                SavedBy = draft.SavedBy,
                SavedAt = draft.SavedAt,
            },
            StorageJsonContext.Default.StatusDraftEntity,
            cancellationToken);
    }

    public async Task<StatusDraft?> GetAsync(string roundId, string agency, CancellationToken cancellationToken)
    {
        var entry = await table.GetAsync(TableKey.Encode(roundId), TableKey.Encode(agency), StorageJsonContext.Default.StatusDraftEntity, cancellationToken);
        if (entry is not { } found)
        {
            return null;
        }

        var e = found.Value;
        return new StatusDraft(roundId, e.Agency, JsonSerializer.Deserialize(e.Entries, StorageJsonContext.Default.IReadOnlyListStatusEntry) ?? [], e.SavedBy, e.SavedAt);
    }
}

/// <summary>One agency's draft of one round.</summary>
public sealed record StatusDraftEntity : IStoredEntity
{
    public required string PartitionKey { get; init; }

    public required string RowKey { get; init; }

    public required string Agency { get; init; }

    public required string Entries { get; init; }

    public required string SavedBy { get; init; }

    public DateTimeOffset SavedAt { get; init; }
}
