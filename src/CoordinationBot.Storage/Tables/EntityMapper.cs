using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using Azure.Data.Tables;

namespace CoordinationBot.Storage.Tables;

/// <summary>
/// Our typed entities (records with source-generated JSON metadata) to and from the SDK's <see cref="TableEntity"/>,
/// with the service's limits checked before anything is sent: Azurite answers a bare 400 where Azure names the limit.
/// </summary>
internal static class EntityMapper
{
    /// <summary>A string property holds at most 64 KiB (32 K UTF-16 characters).</summary>
    public const int MaxStringLength = 32 * 1024;

    /// <summary>An entity holds at most 1 MiB, counted as the service counts it.</summary>
    public const int MaxEntitySize = 1024 * 1024;

    public static TableEntity ToTableEntity<T>(T entity, JsonTypeInfo<T> typeInfo)
        where T : IStoredEntity
    {
        TableKey.Validate(entity.PartitionKey, nameof(entity.PartitionKey));
        TableKey.Validate(entity.RowKey, nameof(entity.RowKey));
        var result = new TableEntity(entity.PartitionKey, entity.RowKey);
        var size = 4 + (entity.PartitionKey.Length * 2) + 2 + (entity.RowKey.Length * 2) + 2;
        foreach (var property in typeInfo.Properties)
        {
            if (property.Name is "PartitionKey" or "RowKey" || property.Get?.Invoke(entity!) is not { } value)
            {
                continue;
            }

            if (value is string text && text.Length > MaxStringLength)
            {
                throw new ArgumentException($"Property {property.Name} is longer than a table property can hold ({MaxStringLength} characters).", nameof(entity));
            }

            size += 8 + (property.Name.Length * 2) + value switch
            {
                string s => 4 + (s.Length * 2),
                int => 4,
                _ => 8,
            };
            result[property.Name] = value switch
            {
                Enum e => e.ToString(),
                _ => value,
            };
        }

        return size <= MaxEntitySize ? result : throw new ArgumentException("The entity is larger than 1 MiB.", nameof(entity));
    }

    public static TableEntry<T> FromTableEntity<T>(TableEntity entity, JsonTypeInfo<T> typeInfo)
    {
        var json = new JsonObject();
        foreach (var (name, value) in entity)
        {
            if (name is "odata.etag" || value is null)
            {
                continue;
            }

            json[name] = value switch
            {
                string s => JsonValue.Create(s),
                int i => JsonValue.Create(i),
                long l => JsonValue.Create(l),
                double d => JsonValue.Create(d),
                bool b => JsonValue.Create(b),
                DateTimeOffset t => JsonValue.Create(t),
                DateTime t => JsonValue.Create(new DateTimeOffset(DateTime.SpecifyKind(t, DateTimeKind.Utc))),
                Guid g => JsonValue.Create(g),
                _ => null,
            };
        }

        var typed = json.Deserialize(typeInfo) ?? throw new TableStorageException("The service returned an empty entity.");
        return new TableEntry<T>(typed, entity.ETag.ToString("H"));
    }
}
