using CoordinationBot.Core.Agencies;
using CoordinationBot.Core.Plans;
using CoordinationBot.Core.Text;

namespace CoordinationBot.Core.Questions;

/// <summary>
/// Deterministic intent recognition over the folded question (with or without diacritics, abbreviations expanded):
/// phrases decide the intent, the agency registry finds the agencies, and what is left is the topic.
/// </summary>
public sealed class QuestionParser(AgencyRegistry registry)
{
    private static readonly string[] Mine = ["cua toi", "toi can lam", "toi phai lam", "toi lam gi", "don vi toi", "co quan toi", "cua chung toi", "chung toi can", "minh can lam", "viec cua minh", "cua don vi minh", "cua co quan minh"];
    private static readonly string[] Report = [" han ", "khi nao", "ngay nao", "truoc ngay", "qua co quan nao", "gui ai", "gui ve", "gui cho", "dinh ky", "ky bao cao", "thoi han", "hang nam", "6 thang"];
    private static readonly string[] Partner = ["phoi hop voi co quan nao", "phoi hop voi don vi nao", "phoi hop voi ai", "cung voi co quan nao", "cung voi ai"];
    private static readonly string[] Soon = ["sap den han", "sap toi han", "gan den han", "sap het han", "sap phai nop", "den han trong"];
    private static readonly string[] HowMany = ["bao nhieu nhiem vu", "may nhiem vu", "bao nhieu viec", "so nhiem vu", "so luong nhiem vu", "tong so nhiem vu"];
    private static readonly string[] Late = ["qua han", "tre han", "da het han", "cham tien do", "da den han ma"];
    private static readonly string[] PlanWords = ["ke hoach", "chuong trinh", "nghi quyet", "quyet dinh", "de an", "lo trinh", "chi thi"];
    private static readonly string[] Filler =
    [
        "ai", "chu tri", "phoi hop", "voi", "co quan nao", "don vi nao", "so nao", "nhung viec gi", "viec gi", "nhiem vu gi", "nhiem vu",
        "co", "la", "gi", "nao", "nhung", "cua", "trong", "ke hoach", "chuong trinh", "hay cho biet", "cho biet", "cho toi biet", "xin hoi",
        "hoi", "duoc giao", "phai lam", "can lam", "lam", "thuc hien", "viec",
    ];

    /// <param name="question">The question as typed.</param>
    /// <param name="planAgencies">Agencies the plans name that the registry does not know ("Ban Quản lý khu Kinh tế"), found like registry agencies.</param>
    public ParsedQuestion Parse(string question, PlanAgencyNames? planAgencies = null)
    {
        ArgumentNullException.ThrowIfNull(question);
        var tokens = Tokenizer.Tokenize(question);
        var mentions = registry.FindMentions(tokens, 0, tokens.Count);
        if (planAgencies is { Names.Count: > 0 })
        {
            mentions = [.. mentions.Concat(PlanMentions(tokens, mentions, planAgencies)).OrderBy(m => m.Start)];
        }

        var agencies = mentions.Select(m => m.Agency).Distinct().ToList();
        var folded = " " + string.Join(' ', tokens.Where(t => t.IsWord).Select(t => t.Folded)) + " ";
        var firstWord = tokens.FindIndex(t => t.IsWord);
        var startsWithAgency = mentions.Count > 0 && mentions[0].Start == firstWord;
        var afterAgency = startsWithAgency ? " " + string.Join(' ', tokens.Skip(mentions[0].End).Where(t => t.IsWord).Select(t => t.Folded)) + " " : folded;

        Role? role = afterAgency.Contains(" chu tri ", StringComparison.Ordinal) ? Role.Lead
            : afterAgency.Contains(" phoi hop ", StringComparison.Ordinal) || afterAgency.Contains(" tham gia ", StringComparison.Ordinal) ? Role.Support
            : null;

        var intent = Intent(folded, startsWithAgency, role, agencies.Count);
        var topic = Topic(question, tokens, mentions);
        var province = folded.Contains(" tinh ", StringComparison.Ordinal) && !folded.Contains(" xa ", StringComparison.Ordinal);
        var namesPlan = PlanWords.Any(w => folded.Contains(" " + w + " ", StringComparison.Ordinal)) || question.Contains('/', StringComparison.Ordinal);
        return new ParsedQuestion(intent, agencies, intent is QuestionIntent.AgencyDuties or QuestionIntent.MyDuties ? role : null, topic, province, namesPlan);
    }

    private static QuestionIntent Intent(string f, bool startsWithAgency, Role? role, int agencies)
    {
        if (Late.Any(p => f.Contains(" " + p + " ", StringComparison.Ordinal)))
        {
            return QuestionIntent.Overdue;
        }

        if (Soon.Any(p => f.Contains(" " + p + " ", StringComparison.Ordinal)))
        {
            return QuestionIntent.DueSoon;
        }

        if (HowMany.Any(p => f.Contains(" " + p + " ", StringComparison.Ordinal)))
        {
            return QuestionIntent.CountTasks;
        }

        if (Mine.Any(p => f.Contains(" " + p + " ", StringComparison.Ordinal) || f.EndsWith(" " + p + " ", StringComparison.Ordinal)))
        {
            return QuestionIntent.MyDuties;
        }

        if (f.Contains(" dau moi ", StringComparison.Ordinal))
        {
            return QuestionIntent.FocalAgency;
        }

        if (f.Contains(" can cu ", StringComparison.Ordinal) || f.Contains(" so may ", StringComparison.Ordinal) || f.Contains(" van ban nao ", StringComparison.Ordinal))
        {
            return QuestionIntent.Implements;
        }

        if (f.Contains(" bao cao ", StringComparison.Ordinal) && Report.Any(p => f.Contains(p.Trim().Length < p.Length ? p : " " + p + " ", StringComparison.Ordinal)))
        {
            return QuestionIntent.Reporting;
        }

        // "Sở X phối hợp với cơ quan nào <việc>?": the task and who else is on it, not Sở X's list of duties.
        if (Partner.Any(p => f.Contains(" " + p + " ", StringComparison.Ordinal) && f[(f.IndexOf(" " + p + " ", StringComparison.Ordinal) + p.Length + 2)..].Split(' ', StringSplitOptions.RemoveEmptyEntries).Length >= 2))
        {
            return QuestionIntent.FindTasks;
        }

        if (startsWithAgency && (role is not null || f.Contains(" nhiem vu ", StringComparison.Ordinal) || f.Contains(" viec ", StringComparison.Ordinal) || f.Contains(" lam gi ", StringComparison.Ordinal)))
        {
            return QuestionIntent.AgencyDuties;
        }

        if (f.Contains(" chu tri ", StringComparison.Ordinal))
        {
            return QuestionIntent.WhoLeads;
        }

        if (f.Contains(" phoi hop ", StringComparison.Ordinal))
        {
            return QuestionIntent.WhoSupports;
        }

        return agencies > 0 && startsWithAgency ? QuestionIntent.AgencyDuties : QuestionIntent.FindTasks;
    }

    /// <summary>Where the question names an agency of the plans (the longest name at each place), outside the registry's mentions.</summary>
    private static IEnumerable<AgencyMention> PlanMentions(List<TextToken> tokens, List<AgencyMention> known, PlanAgencyNames planAgencies)
    {
        var words = tokens.Select((t, i) => (t, i)).Where(x => x.t.IsWord).ToList();
        var names = planAgencies.Names;
        for (var w = 0; w < words.Count; w++)
        {
            if (known.Any(m => words[w].i >= m.Start && words[w].i < m.End))
            {
                continue;
            }

            foreach (var (agency, name) in names)
            {
                if (w + name.Count <= words.Count && name.Select((n, k) => words[w + k].t.Folded == n).All(x => x))
                {
                    yield return new AgencyMention(words[w].i, words[w + name.Count - 1].i + 1, agency);
                    w += name.Count - 1;
                    break;
                }
            }
        }
    }

    /// <summary>The question without agency names and question words: what the task or plan is about.</summary>
    private static string Topic(string question, List<TextToken> tokens, List<AgencyMention> mentions)
    {
        var words = new List<string>();
        for (var i = 0; i < tokens.Count; i++)
        {
            var mention = mentions.FirstOrDefault(m => m.Start == i);
            if (mention is not null)
            {
                i = mention.End - 1;
                continue;
            }

            if (tokens[i].IsWord)
            {
                words.Add(question[tokens[i].Start..tokens[i].End]);
            }
        }

        var topic = " " + VietnameseText.Fold(string.Join(' ', words)) + " ";
        foreach (var filler in Filler.OrderByDescending(f => f.Length))
        {
            topic = topic.Replace(" " + filler + " ", " ", StringComparison.Ordinal);
        }

        return topic.Trim();
    }
}
