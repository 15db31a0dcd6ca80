using CoordinationBot.Core.Text;

namespace CoordinationBot.Core.Escalation;

/// <summary>
/// Whether a job title (the directory's, Graph's <c>jobTitle</c>) is an agency's leadership: the head and deputies
/// ("Giám đốc", "Phó Giám đốc Sở", "Chánh Văn phòng", "Trưởng ban", "Chủ tịch UBND xã", "Cục trưởng" …), not staff
/// ("Chuyên viên"; "Trưởng phòng Kế hoạch" of a department heads a division, though of a commune's "Phòng Kinh tế" it
/// heads the agency).
/// </summary>
public static class LeaderTitles
{
    private static readonly string[] Heads =
    [
        "giam doc", "pho giam doc", "chanh van phong", "pho chanh van phong", "truong ban", "pho truong ban", "chu tich",
        "pho chu tich", "chanh thanh tra", "pho chanh thanh tra", "thu truong", "bo truong", "thu truong bo", "cuc truong",
        "pho cuc truong", "vu truong", "pho vu truong", "tong giam doc", "pho tong giam doc", "tong bien tap", "pho tong bien tap",
        "vien truong", "pho vien truong", "hieu truong", "chi huy truong", "giam doc cong an", "tong cuc truong",
    ];

    public static bool IsLeader(string? jobTitle, string agency)
    {
        ArgumentNullException.ThrowIfNull(agency);
        var folded = VietnameseText.Fold(jobTitle ?? string.Empty);
        bool Is(string head) => folded == head || folded.StartsWith(head + " ", StringComparison.Ordinal);
        return folded.Length > 0 && (Heads.Any(Is)
            || ((Is("truong phong") || Is("pho truong phong")) && VietnameseText.Fold(agency).StartsWith("phong ", StringComparison.Ordinal)));
    }
}
