using CoordinationBot.Core.Text;

namespace CoordinationBot.Core.Agencies;

/// <summary>
/// The known agencies, their names and successions. Names match without diacritics, case or punctuation, with
/// abbreviations expanded; the longest name wins ("Văn phòng Ủy ban nhân dân tỉnh" before "Ủy ban nhân dân tỉnh").
/// </summary>
public sealed partial class AgencyRegistry
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

}
