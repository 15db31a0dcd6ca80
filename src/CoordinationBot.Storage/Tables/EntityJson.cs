using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;

namespace CoordinationBot.Storage.Tables;

/// <summary>
/// Typed entities to and from the Table service's JSON: Int64 and DateTime values carry their
/// <c>@odata.type</c> on the way in; OData annotations are stripped on the way out.
/// </summary>
internal static class EntityJson
{
    /// <summary>A string property holds at most 64 KiB (32 K UTF-16 characters).</summary>
    public const int MaxStringLength = 32 * 1024;

    public static byte[] Serialize<T>(T entity, JsonTypeInfo<T> typeInfo)
        where T : ITableEntity
    {
        TableKey.Validate(entity.PartitionKey, nameof(entity.PartitionKey));
        TableKey.Validate(entity.RowKey, nameof(entity.RowKey));
        var json = JsonSerializer.SerializeToNode(entity, typeInfo)!.AsObject();
        foreach (var property in typeInfo.Properties)
        {
            if (!json.TryGetPropertyValue(property.Name, out var value) || value is null)
            {
                continue;
            }

            var type = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            if (type == typeof(long))
            {
                json[property.Name] = value.GetValue<long>().ToString(System.Globalization.CultureInfo.InvariantCulture);
                json[property.Name + "@odata.type"] = "Edm.Int64";
            }
            else if (type == typeof(DateTimeOffset) || type == typeof(DateTime))
            {
                json[property.Name + "@odata.type"] = "Edm.DateTime";
            }
            else if (type == typeof(string) && value.GetValue<string>().Length > MaxStringLength)
            {
                throw new ArgumentException($"Property {property.Name} is longer than a table property can hold ({MaxStringLength} characters).", nameof(entity));
            }
        }

        var bytes = JsonSerializer.SerializeToUtf8Bytes(json);
        return bytes.Length <= 1024 * 1024
            ? bytes
            : throw new ArgumentException("The entity is larger than 1 MiB.", nameof(entity));
    }

    public static TableEntry<T> Deserialize<T>(JsonObject json, JsonTypeInfo<T> typeInfo, string? etagHeader)
    {
        var etag = etagHeader ?? json["odata.etag"]?.GetValue<string>() ?? "*";
        var clean = new JsonObject();
        foreach (var (name, value) in json)
        {
            if (name.StartsWith("odata.", StringComparison.Ordinal) || name.Contains("@odata.", StringComparison.Ordinal))
            {
                continue;
            }

            var edmType = json[name + "@odata.type"]?.GetValue<string>();
            clean[name] = edmType == "Edm.Int64" && value is JsonValue text && text.TryGetValue<string>(out var digits)
                ? JsonValue.Create(long.Parse(digits, System.Globalization.CultureInfo.InvariantCulture))
                : value?.DeepClone();
        }

        var entity = clean.Deserialize(typeInfo) ?? throw new TableStorageException("The service returned an empty entity.");
        return new TableEntry<T>(entity, etag);
    }
}
