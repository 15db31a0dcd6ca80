using System.Text.Json.Serialization;
using CoordinationBot.Storage.Conversations;

namespace CoordinationBot.Storage;

/// <summary>Persisted entities: property names as declared (the Table service's convention), nulls omitted.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ConversationReferenceEntity))]
internal sealed partial class StorageJsonContext : JsonSerializerContext;
