using System.Text.Json;
using CoordinationBot.Core.Text;

namespace CoordinationBot.Core.Agencies;

/// <summary>The registry of a province: the national part (embedded agencies.json) with the province's own data (Provinces/*.json).</summary>
public sealed partial class AgencyRegistry
{
    /// <summary>The national part alone: ministries, central bodies, the standard departments of any province and commune.</summary>
    public static AgencyRegistry Default { get; } = LoadEmbedded(null);

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, AgencyRegistry> ByProvince = new(StringComparer.Ordinal);

    /// <summary>The province whose own data this registry holds besides the national part; null for the national part alone.</summary>
    public string? Province { get; private init; }

    /// <summary>The provinces that have data of their own.</summary>
    public static IReadOnlyList<string> Provinces { get; } = [.. ProvinceResources().Select(r => r.Province)];

    /// <summary>The national part with <paramref name="province"/>'s own data ("Tuyên Quang"); the national part alone for a province without data or none.</summary>
    public static AgencyRegistry ForProvince(string? province)
    {
        var known = Provinces.FirstOrDefault(p => province is not null && VietnameseText.Fold(p) == VietnameseText.Fold(province));
        return known is null ? Default : ByProvince.GetOrAdd(known, LoadEmbedded);
    }

    /// <summary>The registry for a plan its issuer sets ("ỦY BAN NHÂN DÂN TỈNH TUYÊN QUANG" → Tuyên Quang's data); the national part when the issuer names no province with data.</summary>
    public static AgencyRegistry ForIssuer(string? issuer)
    {
        var folded = VietnameseText.Fold(issuer ?? string.Empty);
        return ForProvince(Provinces.FirstOrDefault(p => folded.Length > 0 && $" {folded} ".Contains($" {VietnameseText.Fold(p)} ", StringComparison.Ordinal)));
    }

    private static AgencyRegistry LoadEmbedded(string? province)
    {
        using var stream = typeof(AgencyRegistry).Assembly.GetManifestResourceStream("CoordinationBot.Core.Agencies.agencies.json")
            ?? throw new InvalidOperationException("The agency registry resource is missing.");
        var data = JsonSerializer.Deserialize(stream, AgencyJsonContext.Default.AgencyData)
            ?? throw new InvalidOperationException("The agency registry resource is empty.");
        var entries = data.Agencies.ToList();
        if (ProvinceResources().FirstOrDefault(r => r.Province == province) is { } own)
        {
            var replaced = (own.Agencies ?? []).ToDictionary(e => e.Id, StringComparer.Ordinal);
            entries = [.. entries.Where(e => !replaced.ContainsKey(e.Id)), .. replaced.Values];
            entries = [.. entries.Select(e => own.Aliases?.GetValueOrDefault(e.Id) is { } more ? e with { Aliases = [.. e.Aliases ?? [], .. more] } : e)];
        }

        return new AgencyRegistry(entries.Select(entry => entry.ToAgency())) { Province = province };
    }

    private static IEnumerable<ProvinceData> ProvinceResources()
    {
        var assembly = typeof(AgencyRegistry).Assembly;
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(ProvinceResourcePrefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            yield return JsonSerializer.Deserialize(stream, AgencyJsonContext.Default.ProvinceData)
                ?? throw new InvalidOperationException($"The province data {name} is empty.");
        }
    }

    private const string ProvinceResourcePrefix = "CoordinationBot.Core.Agencies.Provinces.";
}
