using System.Text.Json.Serialization;

namespace CoordinationBot.Core.Agencies;

/// <summary>The registry as data (<c>agencies.json</c>): editable without code changes.</summary>
public sealed record AgencyData(IReadOnlyList<AgencyEntry> Agencies);

/// <summary>
/// One province's part of the registry (<c>Provinces/*.json</c>): its own agencies (an entry with a national id replaces
/// it there: "Báo và Phát thanh, Truyền hình tỉnh" is "Báo Tuyên Quang" in Tuyên Quang) and more names for national ones.
/// </summary>
public sealed record ProvinceData(string Province, IReadOnlyList<AgencyEntry>? Agencies = null, IReadOnlyDictionary<string, IReadOnlyList<string>>? Aliases = null);

public sealed record AgencyEntry(
    string Id,
    string Name,
    string Level,
    IReadOnlyList<string>? Aliases = null,
    bool Group = false,
    IReadOnlyList<string>? Members = null,
    string? Successor = null,
    string? Since = null,
    IReadOnlyList<string>? MemberHeads = null,
    bool Peers = false)
{
    public Agency ToAgency() => new(
        Id,
        Name,
        Enum.TryParse<AgencyLevel>(Level, ignoreCase: true, out var level) ? level : AgencyLevel.Unknown,
        Aliases ?? [],
        Group,
        Members,
        Successor,
        Since is null ? null : DateOnly.ParseExact(Since, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        MemberHeads: MemberHeads,
        Peers: Peers);
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(AgencyData))]
[JsonSerializable(typeof(ProvinceData))]
internal sealed partial class AgencyJsonContext : JsonSerializerContext;
