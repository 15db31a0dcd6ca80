using System.Text.Json;
using CoordinationBot.Core.Text;

namespace CoordinationBot.Core.Agencies;

/// <summary>
/// The known agencies, their names and successions. Names match without diacritics, case or punctuation, with
/// abbreviations expanded; the longest name wins ("Văn phòng Ủy ban nhân dân tỉnh" before "Ủy ban nhân dân tỉnh").
/// </summary>
public sealed class AgencyRegistry
{
    private readonly Dictionary<string, Agency> byId;
    private readonly Dictionary<string, List<(string[] Words, Agency Agency)>> byFirstWord = [];

    // Names looked up before (agencies in stored plans are looked up on every question); bounded.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, Agency?> exact = new(StringComparer.Ordinal);
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, List<Agency>> members = new(StringComparer.Ordinal);

    public AgencyRegistry(IEnumerable<Agency> agencies)
    {
        ArgumentNullException.ThrowIfNull(agencies);
        byId = agencies.ToDictionary(agency => agency.Id, StringComparer.Ordinal);
        foreach (var agency in byId.Values)
        {
            foreach (var name in agency.Aliases.Prepend(agency.Name))
            {
                var words = Words(name);
                if (words.Length == 0)
                {
                    continue;
                }

                if (!byFirstWord.TryGetValue(words[0], out var list))
                {
                    byFirstWord[words[0]] = list = [];
                }

                list.Add((words, agency));
            }
        }

        foreach (var list in byFirstWord.Values)
        {
            list.Sort((a, b) => b.Words.Length.CompareTo(a.Words.Length));
        }
    }

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

    public IReadOnlyCollection<Agency> Agencies => byId.Values;

    public Agency? Get(string id) => byId.GetValueOrDefault(id);

    /// <summary>The agency known by exactly this name (ignoring case, diacritics and punctuation), if any.</summary>
    public Agency? FindExact(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (exact.TryGetValue(name, out var known))
        {
            return known;
        }

        var words = Tokenizer.Tokenize(name).Where(t => t.IsWord).ToList();
        var mention = MatchAt(words, 0, words.Count);
        var found = mention is not null && mention.End == words.Count ? mention.Agency : null;
        if (exact.Count < 10_000)
        {
            exact.TryAdd(name, found);
        }

        return found;
    }

    /// <summary>Every known agency named in tokens [from, to), left to right, longest name first.</summary>
    public List<AgencyMention> FindMentions(IReadOnlyList<TextToken> tokens, int from, int to)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        var found = new List<AgencyMention>();
        var i = from;
        while (i < to)
        {
            var mention = MatchAt(tokens, i, to);
            if (mention is null)
            {
                i++;
                continue;
            }

            found.Add(mention);
            i = mention.End;
        }

        return found;
    }

    /// <summary>The known agency whose name starts at token <paramref name="index"/>, if any.</summary>
    public AgencyMention? MatchAt(IReadOnlyList<TextToken> tokens, int index, int to)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        if (index >= to || !tokens[index].IsWord || !byFirstWord.TryGetValue(tokens[index].Folded, out var candidates))
        {
            return null;
        }

        foreach (var (words, agency) in candidates)
        {
            var end = MatchWords(tokens, index, to, words);
            if (end > 0 && !OfAnotherLevel(agency, tokens, end, to))
            {
                return new AgencyMention(index, end, agency);
            }
        }

        return null;
    }

    /// <summary>
    /// "Ủy ban Mặt trận Tổ quốc xã" read as the province's "Ủy ban Mặt trận Tổ quốc" and a stray "xã": a name followed by
    /// the word of another level is not that agency (kept as written, to review, rather than sent to the wrong one).
    /// </summary>
    private static bool OfAnotherLevel(Agency agency, IReadOnlyList<TextToken> tokens, int end, int to)
    {
        if (end >= to || !tokens[end].IsWord || agency.Level is AgencyLevel.Unknown or AgencyLevel.Central)
        {
            return false;
        }

        var level = tokens[end].Folded switch
        {
            "xa" or "phuong" => AgencyLevel.Commune,
            "huyen" => AgencyLevel.District,
            "tinh" => AgencyLevel.Province,
            _ => AgencyLevel.Unknown,
        };
        return level != AgencyLevel.Unknown && level != agency.Level;
    }

    /// <summary>
    /// The name to keep for a mention: the registry's own name when the document wrote that name (or an abbreviation
    /// of it); the document's words when the registry's name would change what it says (a collective, a name of
    /// another province: "Các Sở, ngành, đơn vị", "Báo và Phát thanh, Truyền hình tỉnh").
    /// </summary>
    public static string NameOf(AgencyMention mention, IReadOnlyList<TextToken> tokens, string text)
    {
        ArgumentNullException.ThrowIfNull(mention);
        ArgumentNullException.ThrowIfNull(tokens);
        ArgumentNullException.ThrowIfNull(text);
        var surface = text[tokens[mention.Start].Start..tokens[mention.End - 1].End];
        var written = string.Join(' ', Words(surface));
        var canonical = string.Join(' ', Words(mention.Agency.Name));
        if (mention.Agency.IsGroup)
        {
            return written == canonical ? mention.Agency.Name : char.ToUpperInvariant(surface[0]) + surface[1..];
        }

        var abbreviated = tokens.Skip(mention.Start).Take(mention.End - mention.Start)
            .Any(t => t.IsWord && t.End - t.Start >= 2 && text[t.Start..t.End].Count(char.IsUpper) >= 2);
        return abbreviated || canonical.Contains(written, StringComparison.Ordinal) || written.Contains(canonical, StringComparison.Ordinal)
            ? mention.Agency.Name
            : surface;
    }

    /// <summary>The agency that does the work today: follows successions (renamed or merged agencies).</summary>
    public Agency Current(Agency agency)
    {
        ArgumentNullException.ThrowIfNull(agency);
        var seen = new HashSet<string>();
        while (agency.SuccessorId is { } next && seen.Add(agency.Id) && byId.TryGetValue(next, out var successor))
        {
            agency = successor;
        }

        return agency;
    }

    /// <summary>Whether two names are the same agency today (same name, or names whose successions meet).</summary>
    public bool SameAgency(string a, string b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (string.Equals(a, b, StringComparison.Ordinal))
        {
            return true;
        }

        var x = FindExact(a);
        var y = FindExact(b);
        return x is not null && y is not null && Current(x).Id == Current(y).Id;
    }

    /// <summary>
    /// Whether a task given to <paramref name="assigned"/> is <paramref name="agency"/>'s: the same agency, or a group
    /// it belongs to ("Các sở, ban, ngành" is Sở Tư pháp's too; "UBND các xã, phường" any xã's), at the group's level.
    /// </summary>
    public bool Covers(string assigned, string agency)
    {
        ArgumentNullException.ThrowIfNull(assigned);
        ArgumentNullException.ThrowIfNull(agency);
        if (SameAgency(assigned, agency))
        {
            return true;
        }

        if (FindExact(assigned) is not { IsGroup: true } group)
        {
            return false;
        }

        group = Current(group);
        var member = FindExact(agency) is { } known ? Current(known) : null;
        if (member is { IsGroup: true })
        {
            return false;
        }

        if (member is not null && group.Members?.Contains(member.Id, StringComparer.Ordinal) == true)
        {
            return true;
        }

        // A known agency of another level is none of the group's ("Văn phòng HĐND và UBND" of a xã is no provincial "ban, ngành").
        if (member is not null && member.Level != AgencyLevel.Unknown && group.Level != AgencyLevel.Unknown && member.Level != group.Level)
        {
            return false;
        }

        var name = " " + string.Join(' ', Words(member?.Name ?? agency));
        return group.MemberHeads?.Any(head => name.StartsWith(" " + string.Join(' ', Words(head)) + (head.EndsWith(' ') ? " " : string.Empty), StringComparison.Ordinal)) == true;
    }

    /// <summary>
    /// The registry's agencies a group stands for, today: its listed members and the agencies of its level whose names
    /// begin with one of its heads; not merged-away departments, not party bodies ("… Tỉnh ủy") in a group of state
    /// agencies, none for a group of peers (the registry has only their generic entry). Empty for an agency that is no group.
    /// </summary>
    public IReadOnlyList<Agency> MembersOf(Agency group)
    {
        ArgumentNullException.ThrowIfNull(group);
        return members.GetOrAdd(group.Id, _ => FindMembers(Current(group)));
    }

    private List<Agency> FindMembers(Agency group)
    {
        if (!group.IsGroup)
        {
            return [];
        }

        return [.. byId.Values
            .Where(a => !a.IsGroup && !a.NeedsReview && a.SuccessorId is null)
            .Where(a => group.Members?.Contains(a.Id, StringComparer.Ordinal) == true
                || (!group.Peers && a.Level == group.Level && !IsPartyBody(a.Name) && Covers(group.Name, a.Name)))
            .OrderBy(a => a.Name, StringComparer.Ordinal)];
    }

    private static readonly string[] PartyCommittees = ["tinh uy", "thanh uy", "huyen uy", "dang uy", "quan uy", "thi uy"];

    private static bool IsPartyBody(string name)
    {
        var words = " " + string.Join(' ', Words(name)) + " ";
        return PartyCommittees.Any(c => words.Contains(" " + c + " ", StringComparison.Ordinal));
    }

    public static string[] Words(string name) =>
        Tokenizer.Tokenize(name).Where(t => t.IsWord).Select(t => t.Folded).ToArray();

    /// <summary>Matches the words, skipping punctuation in the text ("Văn hóa, Thể thao" = "van hoa the thao"); returns the end or 0.</summary>
    private static int MatchWords(IReadOnlyList<TextToken> tokens, int index, int to, string[] words)
    {
        var t = index;
        foreach (var word in words)
        {
            while (t < to && !tokens[t].IsWord && tokens[t].Folded is "," or "-")
            {
                t++;
            }

            if (t >= to || tokens[t].Folded != word)
            {
                return 0;
            }

            t++;
        }

        return t;
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
