using CoordinationBot.Core.Agencies;
using CoordinationBot.Core.Text;

namespace CoordinationBot.Core.Plans.Extraction;

/// <summary>
/// Roles from the wording of a task: "Chủ trì …" leads; "Phối hợp …" and "Tham gia …" support; "Là cơ quan đầu mối"
/// leads and is the focal agency; anything else is the agency's own task (lead). Agencies named after "phối hợp với"
/// take the other role: supporters of a lead, the lead of a supporter.
/// </summary>
public sealed class RoleReader(AgencyRegistry registry)
{
    private readonly AgencyListReader lists = new(registry);

    private static bool IsLowerCaseCollective(string name)
    {
        var words = name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var head = words.Length > 1 ? words[1] : words[0];
        return VietnameseText.Fold(words[0]) == "cac" && char.IsLower(head[0]);
    }

    /// <summary>"các cơ quan, đơn vị có liên quan", "theo chức năng": no one in particular.</summary>
    public static bool IsGeneric(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var folded = VietnameseText.Fold(name);
        return folded.Contains("lien quan", StringComparison.Ordinal) || folded.Contains("chuc nang", StringComparison.Ordinal);
    }

    // Words that may sit between agencies named in a list ("Sở Ngoại vụ và các cơ quan, đơn vị liên quan").
    private static readonly HashSet<string> ListWords =
    [
        "va", "cac", "co", "quan", "don", "vi", "lien", "chuc", "nang", "nganh", "dia", "phuong", "cung", "thuoc",
        "trung", "uong", "bo", "so", "ban", "to", "chinh", "tri", "xa", "hoi", "thanh", "vien", "doan", "the", "khac",
        "huu", "tinh", "huyen", "thon", "cap", "tren", "ban", "chat", "che",
    ];

    public TaskRoles Read(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var tokens = Tokenizer.Tokenize(text);
        var words = tokens.Where(t => t.IsWord).Select(t => t.Folded).Take(5).ToArray();
        var focal = StartsWith(words, "la", "co", "quan", "dau", "moi") || StartsWith(words, "la", "don", "vi", "dau", "moi") || StartsWith(words, "lam", "dau", "moi") || StartsWith(words, "la", "dau", "moi");
        var role = StartsWith(words, "phoi", "hop") || StartsWith(words, "tham", "gia") ? Role.Support : Role.Lead;

        var named = new List<(string Agency, Role Role)>();
        for (var i = 0; i + 2 < tokens.Count; i++)
        {
            if (tokens[i].Folded != "phoi" || tokens[i + 1].Folded != "hop")
            {
                continue;
            }

            var p = i + 2;
            if (p + 1 < tokens.Count && tokens[p].Folded == "chat" && tokens[p + 1].Folded == "che")
            {
                p += 2;
            }

            if (p < tokens.Count && tokens[p].Folded == ",")
            {
                p++;
            }

            if (p >= tokens.Count || tokens[p].Folded != "voi")
            {
                continue;
            }

            var opening = i == FirstWordIndex(tokens);
            var namedRole = opening && role == Role.Support ? Role.Lead : Role.Support;
            foreach (var agency in ListedAfter(text, tokens, p + 1))
            {
                if (!named.Any(n => n.Agency == agency))
                {
                    named.Add((agency, namedRole));
                }
            }
        }

        return new TaskRoles(role, named, focal);
    }

    private List<string> ListedAfter(string text, List<TextToken> tokens, int from)
    {
        var found = new List<string>();
        if (from < tokens.Count)
        {
            // Agencies the registry does not know are read by how their names are built ("Bộ Tư lệnh Thành phố").
            var list = lists.Read(text[tokens[from].Start..]);
            // Collectives in running text written in lower case ("các sở, ngành, địa phương") are a manner of speaking;
            // written as names ("các Sở, ban, ngành", "UBND cấp xã") they are assigned.
            found.AddRange(list.Names.Where(name => !IsGeneric(name) && !IsLowerCaseCollective(name)));
            if (found.Count > 0)
            {
                return found;
            }
        }

        var p = from;
        while (p < tokens.Count)
        {
            var token = tokens[p];
            if (token.Folded is ";" or "." or ":" or "(")
            {
                break;
            }

            var mention = registry.MatchAt(tokens, p, tokens.Count);
            if (mention is not null)
            {
                // Collectives named in running text ("các sở, ngành, địa phương") are a manner of speaking, not an assignment.
                if (!mention.Agency.IsGroup)
                {
                    found.Add(AgencyRegistry.NameOf(mention, tokens, text));
                }

                p = mention.End;
                continue;
            }

            if (token.IsWord && !ListWords.Contains(token.Folded))
            {
                break;
            }

            p++;
        }

        return found;
    }

    private static int FirstWordIndex(List<TextToken> tokens) => tokens.FindIndex(t => t.IsWord);

    private static bool StartsWith(string[] words, params string[] prefix) =>
        words.Length >= prefix.Length && prefix.Select((w, i) => words[i] == w).All(same => same);
}

/// <summary>The role of the agency the task belongs to, agencies named in it with theirs, and whether it makes that agency the focal one.</summary>
public sealed record TaskRoles(Role Role, IReadOnlyList<(string Agency, Role Role)> Named, bool MakesFocal);
