using CoordinationBot.Core.Agencies;
using CoordinationBot.Core.Text;

namespace CoordinationBot.Core.Plans.Extraction;

/// <summary>
/// Reporting rules ("định kỳ 6 tháng, hằng năm báo cáo Ủy ban nhân dân tỉnh (qua Sở Ngoại vụ)", "báo cáo kết quả về
/// Sở X trước ngày 15 tháng 05 và ngày 01 tháng 12 năm 2023 để tổng hợp") and the agency they are sent through to be
/// consolidated — the focal agency's strongest sign.
/// </summary>
public sealed partial class ReportingReader(AgencyRegistry registry)
{
    private readonly AgencyListReader agencyLists = new(registry);

    /// <param name="texts">The plan's paragraphs.</param>
    /// <param name="year">The plan's year, for dates written without one.</param>
    /// <param name="issuedOn">When the plan was issued: a yearly date written without a year ("trước ngày 20/11 hằng năm") is its first one from then on.</param>
    public List<(ReportingRule Rule, bool Consolidates)> Read(IEnumerable<string> texts, int? year, DateOnly? issuedOn = null)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var rules = new List<(ReportingRule, bool)>();
        foreach (var clause in texts.SelectMany(Clauses))
        {
            var folded = VietnameseText.Fold(clause);
            // "… tổng hợp thiệt hại, gửi Bộ Tài chính trước ngày 08/12/2025": sending results by a date is reporting too.
            var sends = folded.Contains(" gui ", StringComparison.Ordinal) && folded.Contains("tong hop", StringComparison.Ordinal) && folded.Contains("truoc ngay", StringComparison.Ordinal);
            if (!folded.Contains("bao cao", StringComparison.Ordinal) && !sends)
            {
                continue;
            }

            var cadences = Cadences(folded);
            var hasDeadline = folded.Contains("truoc ngay", StringComparison.Ordinal);
            if (cadences.Count == 0 && !hasDeadline)
            {
                continue;
            }

            var dues = hasDeadline ? DateReader.ReadAll(clause, year, cadences.Contains(ReportingCadence.Annual) ? issuedOn : null) : [];
            // "hằng tháng trước ngày 20": the first 20th from the issue date on, the monthly rule's own date even when the
            // clause also gives the yearly report's ("… và báo cáo năm trước ngày 15/11").
            var monthlyDue = cadences.Contains(ReportingCadence.Monthly) ? FirstMonthlyDue(folded, issuedOn) : null;
            if (dues.Count == 0 && cadences.Contains(ReportingCadence.Quarterly) && FirstQuarterlyDue(folded, issuedOn) is { } quarterly)
            {
                // "hằng quý, trước ngày 15 của tháng cuối quý": the first such day from the issue date on.
                dues = [quarterly];
            }
            var (to, via) = Recipients(clause);
            var consolidates = via is not null && folded.Contains("tong hop", StringComparison.Ordinal);
            if (cadences.Count == 0)
            {
                cadences.Add(dues.Count > 1 ? ReportingCadence.Unspecified : ReportingCadence.Once);
            }

            var quoted = clause.Length <= 500 ? clause : clause[..500] + "…";
            rules.AddRange(cadences.Select(cadence => (new ReportingRule(cadence, DuesOf(cadence, dues, monthlyDue, cadences.Count), to, via, quoted), consolidates)));
        }

        return rules;
    }

    /// <summary>A monthly rule has its day of the month; with it, the clause's other dates are the other cadences'.</summary>
    private static List<DateOnly> DuesOf(ReportingCadence cadence, List<DateOnly> dues, DateOnly? monthlyDue, int cadences) => monthlyDue switch
    {
        null => dues,
        { } monthly when cadence == ReportingCadence.Monthly => [monthly],
        { } monthly => cadences > 1 ? dues : [.. dues.Prepend(monthly)],
    };

    private static DateOnly? FirstMonthlyDue(string folded, DateOnly? issuedOn)
    {
        if (issuedOn is not { } issued || MonthlyDay().Match(folded) is not { Success: true } monthly)
        {
            return null;
        }

        var day = int.Parse(monthly.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        var first = Enumerable.Range(0, 3).Select(issued.AddMonths).Select(m => new DateOnly(m.Year, m.Month, 1))
            .Where(m => day <= DateTime.DaysInMonth(m.Year, m.Month)).Select(m => m.AddDays(day - 1)).FirstOrDefault(d => d >= issued);
        return first == default ? null : first;
    }

    private static DateOnly? FirstQuarterlyDue(string folded, DateOnly? issuedOn)
    {
        if (issuedOn is not { } issued || QuarterEndDay().Match(folded) is not { Success: true } match)
        {
            return null;
        }

        var day = int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        return Enumerable.Range(0, 5).Select(q => new DateOnly(issued.Year, 3, 1).AddMonths(3 * q))
            .Where(m => day >= 1 && day <= DateTime.DaysInMonth(m.Year, m.Month)).Select(m => m.AddDays(day - 1))
            .Cast<DateOnly?>().FirstOrDefault(d => d >= issued);
    }

    public static IEnumerable<string> Clauses(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Split([';', '.'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Where(c => c.Length > 0);
    }

    private static List<ReportingCadence> Cadences(string folded)
    {
        var found = new List<ReportingCadence>();
        if (folded.Contains("hang quy", StringComparison.Ordinal) || folded.Contains("moi quy", StringComparison.Ordinal))
        {
            found.Add(ReportingCadence.Quarterly);
        }

        if (folded.Contains("6 thang", StringComparison.Ordinal) || folded.Contains("sau thang", StringComparison.Ordinal))
        {
            found.Add(ReportingCadence.Semiannual);
        }

        if (folded.Contains("hang thang", StringComparison.Ordinal) || folded.Contains("moi thang", StringComparison.Ordinal))
        {
            found.Add(ReportingCadence.Monthly);
        }

        if (folded.Contains("hang nam", StringComparison.Ordinal) || AnnualReport().IsMatch(folded))
        {
            found.Add(ReportingCadence.Annual);
        }

        if (folded.Contains("dot xuat", StringComparison.Ordinal))
        {
            found.Add(ReportingCadence.AdHoc);
        }

        return found;
    }

    /// <summary>To: the first agency reported to; via: the agency the report is sent to or through ("về", "gửi", "qua").</summary>
    private (string? To, string? Via) Recipients(string clause)
    {
        var tokens = Tokenizer.Tokenize(clause);
        string? to = null;
        string? via = null;
        var afterReport = false;
        for (var i = 0; i < tokens.Count; i++)
        {
            if (i + 1 < tokens.Count && tokens[i].Folded == "bao" && tokens[i + 1].Folded == "cao")
            {
                afterReport = true;
                i++;
                continue;
            }

            var mention = registry.MatchAt(tokens, i, tokens.Count);
            if (mention is null)
            {
                if (via is null && PreviousWord(tokens, i) is "ve" or "gui" or "qua" && AgencyListReader.IsHeadAt(clause, tokens, i)
                    && agencyLists.Read(clause[tokens[i].Start..]).Names is [var unknown, ..] && !RoleReader.IsGeneric(unknown))
                {
                    // "gửi Vụ Cải cách hành chính để tổng hợp": an agency the registry does not know, by how its name is built.
                    via = unknown;
                }

                continue;
            }

            var before = PreviousWord(tokens, i);
            if (via is null && before is "ve" or "gui" or "qua")
            {
                via = mention.Agency.Name;
            }
            else if (to is null && afterReport)
            {
                to = mention.Agency.Name;
            }

            i = mention.End - 1;
        }

        return (to, via);
    }

    private static string? PreviousWord(List<TextToken> tokens, int i)
    {
        for (var j = i - 1; j >= 0; j--)
        {
            if (tokens[j].IsWord)
            {
                return tokens[j].Folded;
            }

            if (tokens[j].Folded != "(")
            {
                return null;
            }
        }

        return null;
    }
}
