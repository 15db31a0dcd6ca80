using System.Globalization;
using CoordinationBot.Core.Plans;
using CoordinationBot.Core.Text;

namespace CoordinationBot.Core.Consolidation;

/// <summary>
/// Who issues the consolidated report and to whom, as Nghị định 30/2020 lays it out: the plan's focal agency issues it
/// (under its superior body, the plan's local issuer: "UBND TỈNH TUYÊN QUANG" above "SỞ KHOA HỌC VÀ CÔNG NGHỆ"), numbers
/// it with its own code ("/BC-SKHCN"), sends it to the body the plan says reports go to ("Kính gửi: Ủy ban nhân dân
/// tỉnh Tuyên Quang") and its head signs. A plan with no focal agency is reported on by its issuer.
/// </summary>
public sealed record ReportAuthority(string? Superior, string Issuer, string Code, string Recipient, string Place, IReadOnlyList<string> Signature)
{
    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    public static ReportAuthority For(Plan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var issuer = plan.Issuer is { Length: > 0 } written ? Spaced(written) : null;
        var place = issuer is null ? null : PlaceOf(issuer);
        var local = issuer is not null && Fold(issuer).StartsWith("uy ban nhan dan", StringComparison.Ordinal);
        var focal = plan.FocalAgency;
        var recipient = plan.Reporting.Select(r => r.To).FirstOrDefault(to => to is not null && (focal is null || Fold(to) != Fold(focal)))
            ?? (issuer is null ? "…" : SentenceCase(issuer));
        recipient = Placed(recipient, place);
        if (focal is null || (issuer is not null && Fold(issuer) == Fold(focal)))
        {
            var body = issuer ?? "ỦY BAN NHÂN DÂN";
            return new ReportAuthority(null, Upper(body), plan.Number?.Split('-').LastOrDefault() ?? "UBND", recipient, place ?? "…", SignatureOf(body));
        }

        // A department's superior is the local committee that issued the plan, written short: "UBND TỈNH TUYÊN QUANG".
        var superior = local ? "UBND " + string.Join(' ', Upper(issuer!).Split(' ').Skip(4)) : null;
        return new ReportAuthority(superior, Upper(focal), CodeOf(focal), recipient, place ?? "…", SignatureOf(focal));
    }

    /// <summary>The locality an issuing body names ("… TỈNH TUYÊN QUANG" → "Tuyên Quang"), for the date line and the recipient.</summary>
    public static string? PlaceOf(string issuer)
    {
        ArgumentNullException.ThrowIfNull(issuer);
        var words = issuer.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var folded = words.Select(Fold).ToArray();
        var at = Array.FindLastIndex(folded, w => w is "tinh" or "xa" or "phuong" or "huyen" or "quan");
        var city = Array.FindLastIndex(folded, w => w == "pho");
        if (city > at && city > 0 && folded[city - 1] == "thanh")
        {
            at = city;
        }

        var name = at >= 0 && at + 1 < words.Length ? words[(at + 1)..] : [];
        return name.Length == 0 ? null : string.Join(' ', name.Select(Capitalized));
    }

    /// <summary>The agency's code in document numbers: the initials of its name ("Sở Khoa học và Công nghệ" → "SKHCN", "Sở Giáo dục và Đào tạo" → "SGDĐT").</summary>
    public static string CodeOf(string agency)
    {
        ArgumentNullException.ThrowIfNull(agency);
        var initials = agency.Split([' ', '-', '&', ','], StringSplitOptions.RemoveEmptyEntries)
            .Where(w => Fold(w) != "va" && char.IsLetter(w[0]))
            .Select(w => w[0] is 'Đ' or 'đ' ? 'Đ' : char.ToUpperInvariant(Fold(w[..1]).FirstOrDefault('X')));
        return string.Concat(initials);
    }

    /// <summary>
    /// The same report signed by a deputy on the head's behalf (ký thay, Nghị định 30/2020): "KT. GIÁM ĐỐC" over "PHÓ
    /// GIÁM ĐỐC", "TM. ỦY BAN NHÂN DÂN" / "KT. CHỦ TỊCH" / "PHÓ CHỦ TỊCH", "KT. BỘ TRƯỞNG" / "THỨ TRƯỞNG".
    /// </summary>
    public ReportAuthority SignedByDeputy()
    {
        var head = Signature[^1];
        var deputy = head switch
        {
            "BỘ TRƯỞNG" => "THỨ TRƯỞNG",
            "THỦ TRƯỞNG CƠ QUAN" => "PHÓ THỦ TRƯỞNG CƠ QUAN",
            _ => "PHÓ " + head,
        };
        return this with { Signature = [.. Signature.Take(Signature.Count - 1), "KT. " + head, deputy] };
    }

    /// <summary>The signing block: "TM. ỦY BAN NHÂN DÂN" and "CHỦ TỊCH" for a committee; the head's title for an agency.</summary>
    private static string[] SignatureOf(string body)
    {
        var folded = Fold(body);
        if (folded.StartsWith("uy ban nhan dan", StringComparison.Ordinal))
        {
            return ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"];
        }

        string[] titles =
        [
            "thu tuong|THỦ TƯỚNG", "chinh phu|TM. CHÍNH PHỦ|THỦ TƯỚNG", "bo chi huy|CHỈ HUY TRƯỞNG", "bo |BỘ TRƯỞNG", "so |GIÁM ĐỐC",
            "cong an|GIÁM ĐỐC", "van phong|CHÁNH VĂN PHÒNG", "thanh tra|CHÁNH THANH TRA", "ban |TRƯỞNG BAN", "vien |VIỆN TRƯỞNG",
            "bao |TỔNG BIÊN TẬP", "dai |GIÁM ĐỐC", "trung tam|GIÁM ĐỐC", "kho bac|GIÁM ĐỐC", "bao hiem xa hoi|GIÁM ĐỐC", "phong |TRƯỞNG PHÒNG",
        ];
        foreach (var entry in titles)
        {
            var parts = entry.Split('|');
            if ((folded + " ").StartsWith(parts[0], StringComparison.Ordinal))
            {
                return parts[1..];
            }
        }

        return ["THỦ TRƯỞNG CƠ QUAN"];
    }

    /// <summary>A generic body the plan names ("Ủy ban nhân dân tỉnh") made the plan's own ("… tỉnh Tuyên Quang").</summary>
    private static string Placed(string recipient, string? place)
    {
        var folded = Fold(recipient);
        string[] generic = ["uy ban nhan dan tinh", "uy ban nhan dan thanh pho", "uy ban nhan dan xa", "uy ban nhan dan phuong", "ubnd tinh", "ubnd xa"];
        return place is not null && generic.Contains(folded) ? $"{recipient} {place}" : recipient;
    }

    private static string SentenceCase(string text)
    {
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (!text.Any(char.IsLower))
        {
            var at = Array.FindIndex(words, w => Fold(w) is "tinh" or "xa" or "phuong" or "huyen");
            words = [.. words.Select((w, i) => i > at && at >= 0 ? Capitalized(w) : w.ToLower(Vietnamese))];
            words[0] = Capitalized(words[0]);
        }

        return string.Join(' ', words);
    }

    private static string Capitalized(string word) => word.Length == 0 ? word : char.ToUpper(word[0], Vietnamese) + word[1..].ToLower(Vietnamese);

    private static string Upper(string text) => text.ToUpper(Vietnamese);

    private static string Spaced(string text) => string.Join(' ', text.Split(' ', StringSplitOptions.RemoveEmptyEntries));

    private static string Fold(string text) => VietnameseText.Fold(text);
}
