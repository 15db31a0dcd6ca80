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
    private static readonly string[] Filler =
    [
        "ai", "chu tri", "phoi hop", "voi", "co quan nao", "don vi nao", "so nao", "nhung viec gi", "viec gi", "nhiem vu gi", "nhiem vu",
        "co", "la", "gi", "nao", "nhung", "cua", "trong", "ke hoach", "chuong trinh", "hay cho biet", "cho biet", "cho toi biet", "xin hoi",
        "hoi", "duoc giao", "phai lam", "can lam", "lam", "thuc hien", "viec",
    ];

    public ParsedQuestion Parse(string question)
    {
        ArgumentNullException.ThrowIfNull(question);
        var tokens = Tokenizer.Tokenize(question);
        var mentions = registry.FindMentions(tokens, 0, tokens.Count);
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
        return new ParsedQuestion(intent, agencies, intent is QuestionIntent.AgencyDuties or QuestionIntent.MyDuties ? role : null, topic, province);
    }

    private static QuestionIntent Intent(string f, bool startsWithAgency, Role? role, int agencies)
    {
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
