using System.Text.Json.Serialization;
using CoordinationBot.Storage.Tables;

namespace CoordinationBot.IntegrationTests.Storage;

public sealed record TestEntity : IStoredEntity
{
    public required string PartitionKey { get; init; }

    public required string RowKey { get; init; }

    public string? Title { get; init; }

    public long Count { get; init; }

    public DateTimeOffset? DueAt { get; init; }
}

[JsonSerializable(typeof(TestEntity))]
public sealed partial class TestJsonContext : JsonSerializerContext;
