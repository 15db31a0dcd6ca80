using System.Text.RegularExpressions;
using CoordinationBot.Core.Agencies;
using CoordinationBot.Core.Text;

namespace CoordinationBot.Core.Plans.Extraction;

/// <summary>Who an item is given to: labelled fields and blocks, the agencies a sentence or a heading starts with, the bodies a ministry directs.</summary>
public sealed partial class TaskBuilder
{
    /// <summary>Labelled fields of an item: "Cơ quan chủ trì: X", "Cơ quan phối hợp: Y, Z".</summary>
    private List<Assignment> FieldAssignments(IReadOnlyList<PlanField> fields) =>
        Assigned(fields.Where(f => f.Kind is FieldKind.Lead or FieldKind.Support).Select(f => (f.Kind == FieldKind.Lead ? Role.Lead : Role.Support, f.Value, f.Text)));

    /// <summary>"Cơ quan chủ trì: X; Cơ quan phối hợp: Y, Z" inside a task.</summary>
    private List<Assignment> BlockAssignments(string text) =>
        Assigned(RoleBlock().Matches(text).Select(m => (VietnameseText.Fold(m.Groups[1].Value).Contains("chu tri", StringComparison.Ordinal) ? Role.Lead : Role.Support, m.Groups[2].Value, m.Value)));

    /// <summary>The agencies of each labelled value, with the label's role.</summary>
    private List<Assignment> Assigned(IEnumerable<(Role Role, string Agencies, string Line)> labelled) =>
        [.. labelled.SelectMany(l => AgencyCell.Split(l.Agencies, agencyLists).Select(name => new Assignment(name, l.Role, AssignmentSource.Block, Why: "labelled field: " + Explain.Quote(l.Line))))];

    /// <summary>The agencies a sentence starts with ("Giao Sở Y tế chủ trì …", "Bộ trưởng Bộ Công an có trách nhiệm …") and what it says they do.</summary>
    private Heading LeadingAgencies(string text)
    {
        var stripped = PersonTitle().Replace(Introduction().Replace(text, string.Empty), string.Empty);
        stripped = IssuerRequest().Replace(stripped, "Đề nghị ");
        var list = agencyLists.Read(stripped);
        return list.IsLeadingSentence ? Heading.Of(list) with { Rest = list.Rest, Why = "named where the sentence starts: " + Explain.Quote(text) } : Heading.None;
    }

    /// <summary>A sentence ending in ':' that names who does the items under it: its agencies, and those it directs or works with.</summary>
    private Heading? LeadingHeading(string text)
    {
        var leading = LeadingAgencies(text.TrimEnd().TrimEnd(':'));
        if (leading.Agencies.Count == 0)
        {
            return null;
        }

        var directed = DirectedAgencies(leading.Rest ?? string.Empty);
        return leading with { Agencies = [.. leading.Agencies, .. directed.Where(d => !leading.Agencies.Contains(d))] };
    }

    /// <summary>"… chỉ đạo Bảo hiểm xã hội Việt Nam": the body a ministry directs does the work with it.</summary>
    private List<string> DirectedAgencies(string rest)
    {
        var match = Directs().Match(rest);
        if (!match.Success)
        {
            return [];
        }

        var list = agencyLists.Read(rest[(match.Index + match.Length)..]);
        return list.Names.Where(name => !RoleReader.IsGeneric(name)).ToList();
    }

    /// <summary>A heading without its closing colon and a note such as "(cơ quan chủ trì)".</summary>
    private static string HeadingText(string text) => TrailingNote().Replace(text.TrimEnd(':', '.', ' '), string.Empty).TrimEnd(':', '.', ' ');

    [GeneratedRegex(@"(Cơ quan chủ trì|Đơn vị chủ trì|Chủ trì|Cơ quan phối hợp|Đơn vị phối hợp|Phối hợp)\s*:\s*([^:\n]+?)(?=(?:[.;]\s*)?(?:Cơ quan|Đơn vị|Chủ trì|Phối hợp|Thời gian|Kết quả|Sản phẩm)\b|$)", RegexOptions.IgnoreCase)]
    private static partial Regex RoleBlock();

    [GeneratedRegex(@"^(?:Giao|Bộ trưởng|Giám đốc|Chủ tịch|Thủ trưởng|Chánh Văn phòng|Người đứng đầu|Tổng Giám đốc|Thống đốc|Tổng Kiểm toán)\s+(?=\p{Lu})", RegexOptions.None)]
    private static partial Regex PersonTitle();

    [GeneratedRegex(@"^(?:Căn cứ|Trên cơ sở|Đối với|Để|Nhằm|Trong quá trình|Trong thời gian|Sau khi)\b[^,;:]{0,200},\s*(?=(?:các|Các|\p{Lu}))")]
    private static partial Regex Introduction();

    [GeneratedRegex(@"^(?:Chính phủ|Thủ tướng Chính phủ|(?:Ủy|Uỷ) ban nhân dân [^,;:]{0,40}?|UBND [^,;:]{0,40}?)\s+(?:trân trọng\s+)?đề nghị\s+")]
    private static partial Regex IssuerRequest();

    [GeneratedRegex(@"^(?:chủ trì,?\s+)?(?:chỉ đạo|giao)\s+", RegexOptions.IgnoreCase)]
    private static partial Regex Directs();

    [GeneratedRegex(@"\s*\([^()]{1,60}\)$")]
    private static partial Regex TrailingNote();

    private sealed record Heading(IReadOnlyList<string> Agencies, bool Requested, IReadOnlyList<string> Unknown)
    {
        public static Heading None { get; } = new([], false, []);

        public string? Rest { get; init; }

        /// <summary>The rule and the words that named these agencies, for the explanation of each assignment.</summary>
        public string? Why { get; init; }

        public static Heading Of(AgencyList list) => new(list.Names, list.Requested, list.Unknown);
    }
}
