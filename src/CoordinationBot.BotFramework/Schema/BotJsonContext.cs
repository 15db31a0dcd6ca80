using System.Text.Json.Serialization;

namespace CoordinationBot.BotFramework.Schema;

/// <summary>Wire JSON of the Bot Connector protocol: camelCase, nulls omitted.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    PropertyNameCaseInsensitive = true)]
[JsonSerializable(typeof(Activity))]
[JsonSerializable(typeof(ConversationParameters))]
[JsonSerializable(typeof(ResourceResponse))]
[JsonSerializable(typeof(ConversationResourceResponse))]
[JsonSerializable(typeof(PagedMembersResult))]
[JsonSerializable(typeof(TeamsChannelData))]
[JsonSerializable(typeof(ConnectorError))]
[JsonSerializable(typeof(FileDownloadInfo))]
public sealed partial class BotJsonContext : JsonSerializerContext;
