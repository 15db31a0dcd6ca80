namespace CoordinationBot.Core.Plans;

/// <summary>A plan's kind as stored (the abbreviation of its number: KH, CTr, QĐ …) and as people say it.</summary>
public static class PlanKind
{
    private static readonly Dictionary<string, string> Names = new(StringComparer.Ordinal)
    {
        ["KH"] = "Kế hoạch",
        ["CTr"] = "Chương trình",
        ["QĐ"] = "Quyết định",
        ["CT"] = "Chỉ thị",
        ["NQ"] = "Nghị quyết",
        ["TB"] = "Thông báo",
        ["HD"] = "Hướng dẫn",
        ["BC"] = "Báo cáo",
    };

    /// <summary>Every kind of document a plan comes as.</summary>
    public static IEnumerable<(string Abbreviation, string Name)> All => Names.Select(n => (n.Key, n.Value));

    /// <summary>"Kế hoạch" for "KH"; a kind it does not know is said as stored.</summary>
    public static string Name(string kind) => Names.GetValueOrDefault(kind ?? string.Empty, kind ?? string.Empty);

    /// <summary>How a plan is named in a sentence: "Kế hoạch 21/KH-UBND", or its kind and title when it has no number.</summary>
    public static string Label(Plan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return $"{Name(plan.Kind)} {plan.Number ?? plan.Title}";
    }
}
