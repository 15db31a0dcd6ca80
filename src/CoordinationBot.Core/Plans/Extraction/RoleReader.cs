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
        var focal = StartsWith(words, "la", "co", "quan", "dau", "moi") || StartsWith(words, "lam", "dau", "moi") || StartsWith(words, "la", "dau", "moi");
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
            foreach (var agency in ListedAfter(tokens, p + 1))
            {
                if (!named.Any(n => n.Agency == agency))
                {
                    named.Add((agency, namedRole));
                }
            }
        }

        return new TaskRoles(role, named, focal);
    }

    private List<string> ListedAfter(List<TextToken> tokens, int from)
    {
        var found = new List<string>();
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
                    found.Add(mention.Agency.Name);
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
