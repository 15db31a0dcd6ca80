using CoordinationBot.Core.Plans;

namespace CoordinationBot.Core.Questions;

/// <summary>Which stored plans a phrase names ("kế hoạch thông tin đối ngoại năm 2023", "62/KH-UBND"), best first.</summary>
public static partial class PlanFinder
{
    public const double MinimumScore = 2.0;

    /// <summary>How close a second plan's score must come to the best one's for the phrase to be ambiguous.</summary>
    private const double CloseRatio = 0.8;

    /// <summary>
    /// Words every plan reference may carry and that name no plan in particular: the kinds of document, the period and
    /// due date of a command, the issuing People's Committee.
    /// </summary>
    private static readonly HashSet<string> Generic =
    [
        "ke", "hoach", "chuong", "trinh", "quyet", "dinh", "nghi", "chi", "thi", "cong", "van", "so", "nam", "thang", "quy",
        "dau", "cuoi", "ca", "ky", "dot", "han", "ngay", "bao", "cao", "thuc", "hien", "trien", "khai", "viec", "ubnd",
        "tinh", "thanh", "pho", "huyen", "xa", "phuong", "kh", "ctr", "qd", "nq", "tt", "i", "ii", "iii", "iv", "nhu", "sau",
    ];

    /// <summary>
    /// The one plan a command or question names, refused by name when there is none ("99/KH-UBND": no such number;
    /// "kế hoạch phòng chống lụt bão": no plan has those words) and asked back when several fit equally well. A document
    /// number settles it; otherwise at least half of the phrase's own words (not the generic ones) must be the plan's.
    /// </summary>
    public static PlanMatch Find(PlanCatalog catalog, string phrase)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        var folded = " " + Text.VietnameseText.Fold(phrase ?? string.Empty) + " ";
        var year = Year().Match(folded) is { Success: true } y ? int.Parse(y.Value, System.Globalization.CultureInfo.InvariantCulture) : (int?)null;
        var numbers = Numbers(phrase ?? string.Empty);
        if (numbers.Count > 0)
        {
            var own = Indexes(catalog).Where(i => catalog.Plans[i].Plan.Number is { } n && numbers.Contains(Text.VietnameseText.Fold(n))).ToList();
            var cited = own.Count > 0 ? [] : Indexes(catalog).Where(i => numbers.Any(n => CitedBy(catalog.Plans[i].Plan, n))).ToList();
            var byNumber = own.Count > 0 ? own : cited;
            if (byNumber.Count == 0)
            {
                return new PlanMatch(PlanMatchKind.NotFound, null, Closest(catalog, phrase ?? string.Empty, year), Spelled(phrase ?? string.Empty, numbers[0]));
            }

            return Choose(catalog, byNumber, phrase ?? string.Empty, year, Spelled(phrase ?? string.Empty, numbers[0]));
        }

        var words = ContentWords(folded);
        if (words.Length == 0)
        {
            var inYear = year is { } y2 ? Indexes(catalog).Where(i => InYear(catalog.Plans[i].Plan, y2)).ToList() : Indexes(catalog).ToList();
            return inYear.Count switch
            {
                0 => new PlanMatch(PlanMatchKind.NotFound, null, Closest(catalog, phrase ?? string.Empty, year), null),
                1 => PlanMatch.Found(catalog.Plans[inYear[0]]),
                _ => new PlanMatch(PlanMatchKind.Ambiguous, null, [.. inYear.Select(i => catalog.Plans[i])], null),
            };
        }

        var fitting = catalog.PlanIndex.Score(words)
            .Where(s => catalog.PlanIndex.Coverage(words, s.Key) >= 0.5)
            .Select(s => s.Key)
            .ToList();
        return fitting.Count == 0
            ? new PlanMatch(PlanMatchKind.NotFound, null, Closest(catalog, phrase ?? string.Empty, year), null)
            : Choose(catalog, fitting, words, year, null);
    }

    public static List<(int Plan, double Score)> Rank(PlanCatalog catalog, string topic, bool aboutProvince = false)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        if (string.IsNullOrWhiteSpace(topic))
        {
            return catalog.Plans.Count == 1 ? [(0, MinimumScore)] : [];
        }

        var folded = " " + Text.VietnameseText.Fold(topic) + " ";
        return catalog.PlanIndex.Score(topic)
            .Select(s => (Plan: s.Key, Score: s.Value
                * (aboutProvince && IsProvincePlan(catalog.Plans[s.Key].Plan) ? 1.5 : 1)
                * (NamesNumber(folded, catalog.Plans[s.Key].Plan) ? 3 : 1)))
            .Where(s => s.Score >= MinimumScore)
            .OrderByDescending(s => s.Score)
            .ThenByDescending(s => catalog.Plans[s.Plan].Plan.Year)
            .ToList();
    }

    /// <summary>
    /// The document number a question names when no stored plan has it as its own number or implements it
    /// ("Kế hoạch 99/KH-UBND …"): the question is about a plan the registry does not hold. Null otherwise.
    /// </summary>
    public static string? UnknownNumber(PlanCatalog catalog, string text)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        var numbers = Numbers(text ?? string.Empty);
        var known = numbers.Any(n => catalog.Plans.Any(p => (p.Plan.Number is { } own && Text.VietnameseText.Fold(own) == n) || CitedBy(p.Plan, n)));
        return numbers.Count == 0 || known ? null : Spelled(text ?? string.Empty, numbers[0]);
    }

    /// <summary>Among plans that fit, the clear best one; several close ones are asked back unless the year tells them apart.</summary>
    private static PlanMatch Choose(PlanCatalog catalog, List<int> fitting, string words, int? year, string? number)
    {
        if (fitting.Count == 1)
        {
            return PlanMatch.Found(catalog.Plans[fitting[0]]);
        }

        var scores = catalog.PlanIndex.Score(words);
        var ranked = fitting.OrderByDescending(i => scores.GetValueOrDefault(i)).ThenByDescending(i => catalog.Plans[i].Plan.Year).ToList();
        var best = scores.GetValueOrDefault(ranked[0]);
        var close = ranked.Where(i => scores.GetValueOrDefault(i) >= best * CloseRatio).ToList();
        if (close.Count > 1 && year is { } y && close.Count(i => InYear(catalog.Plans[i].Plan, y)) == 1)
        {
            close = [.. close.Where(i => InYear(catalog.Plans[i].Plan, y))];
        }

        return close.Count == 1
            ? PlanMatch.Found(catalog.Plans[close[0]])
            : new PlanMatch(PlanMatchKind.Ambiguous, null, [.. close.Select(i => catalog.Plans[i])], number);
    }

    /// <summary>Up to three plans to offer when the phrase names none: the best word matches, else the newest plans.</summary>
    private static List<StoredPlan> Closest(PlanCatalog catalog, string phrase, int? year)
    {
        var ranked = catalog.PlanIndex.Score(phrase).OrderByDescending(s => s.Value).Select(s => s.Key);
        var newest = Indexes(catalog).OrderByDescending(i => year is { } y && InYear(catalog.Plans[i].Plan, y)).ThenByDescending(i => catalog.Plans[i].Plan.IssuedOn);
        return [.. ranked.Concat(newest).Distinct().Take(3).Select(i => catalog.Plans[i])];
    }

    private static string ContentWords(string folded)
    {
        var text = folded.Replace(" uy ban nhan dan ", " ", StringComparison.Ordinal);
        text = Date().Replace(text, " ");
        return string.Join(' ', text.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(w => w.Trim('.', ',', ';', ':', '?', '!', '"', '(', ')', '“', '”'))
            .Where(w => w.Length > 0 && !Generic.Contains(w) && !w.All(char.IsAsciiDigit)));
    }

    /// <summary>The document numbers the text gives, folded as numbers are compared ("99 kh ubnd" for "99/KH-UBND").</summary>
    private static List<string> Numbers(string text) =>
        [.. DocumentNumber().Matches(Marks(text)).Select(m => Text.VietnameseText.Fold(m.Value)).Distinct(StringComparer.Ordinal)];

    /// <summary>The number as the sender wrote it, upper case ("99/KH-UBND").</summary>
    private static string Spelled(string text, string folded) =>
        DocumentNumber().Matches(Marks(text)).Select(m => m.Value).FirstOrDefault(v => Text.VietnameseText.Fold(v) == folded)?.ToUpperInvariant() ?? folded;

    /// <summary>Lower case without tone marks (đ → d), punctuation kept: where a document number is still one word.</summary>
    private static string Marks(string text)
    {
        var builder = new System.Text.StringBuilder(text.Length);
        foreach (var c in text.Normalize(System.Text.NormalizationForm.FormD))
        {
            if (System.Globalization.CharUnicodeInfo.GetUnicodeCategory(c) != System.Globalization.UnicodeCategory.NonSpacingMark)
            {
                builder.Append(c is 'đ' or 'Đ' ? 'd' : char.ToLowerInvariant(c));
            }
        }

        return builder.ToString();
    }

    private static bool InYear(Plan plan, int year) =>
        plan.Year == year || plan.IssuedOn?.Year == year || plan.Title.Contains(year.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);

    private static bool CitedBy(Plan plan, string number) =>
        plan.Implements.Any(d => Text.VietnameseText.Fold(d.Number) == number) || (" " + Text.VietnameseText.Fold(plan.Title) + " ").Contains(" " + number + " ", StringComparison.Ordinal);

    /// <summary>The sender's words with the command's own phrase taken off ("yêu cầu báo cáo kế hoạch X" → "kế hoạch X").</summary>
    public static string AfterCommand(string text, IEnumerable<string> commandPhrases)
    {
        ArgumentNullException.ThrowIfNull(commandPhrases);
        var words = (text ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var folded = Text.VietnameseText.Fold(text ?? string.Empty);
        var skip = commandPhrases
            .Select(Text.VietnameseText.Fold)
            .Where(p => p.Length > 0 && (folded == p || folded.StartsWith(p + " ", StringComparison.Ordinal)))
            .Select(p => p.Split(' ').Length)
            .DefaultIfEmpty(0)
            .Max();
        return string.Join(' ', words.Skip(skip));
    }

    private static IEnumerable<int> Indexes(PlanCatalog catalog) => Enumerable.Range(0, catalog.Plans.Count);

    /// <summary>A document number as Vietnamese documents write it, folded: "21/kh-ubnd", "18-ctr/tu", "57-nq/tw", "12/2025/qd-ubnd".</summary>

    /// <summary>The phrase names the plan by its own number ("21/KH-UBND"), not a document it cites.</summary>
    private static bool NamesNumber(string foldedTopic, Plan plan) =>
        plan.Number is { } number && foldedTopic.Contains(" " + Text.VietnameseText.Fold(number) + " ", StringComparison.Ordinal);

    private static bool IsProvincePlan(Plan plan) =>
        Text.VietnameseText.Fold(plan.Issuer ?? string.Empty).Contains("tinh", StringComparison.Ordinal);
}
