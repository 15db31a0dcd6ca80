using System.Text.RegularExpressions;
using CoordinationBot.Core.Text;

namespace CoordinationBot.Core.Plans.Extraction;

/// <summary>
/// A labelled line that belongs to the item above it rather than being an item: "- Cơ quan chủ trì: Bộ Công an.",
/// "Đơn vị chủ trì (tham mưu) thực hiện: …", "+ Thời hạn ban hành: trước ngày …", "- Nội dung: …".
/// </summary>
public sealed partial record PlanField(FieldKind Kind, string Label, string Value)
{
    private static readonly string[] LabelStarts =
    [
        "co quan", "don vi", "chu tri", "phoi hop", "thoi gian", "thoi han", "noi dung", "san pham", "ket qua", "tien do",
        "kinh phi", "nguon kinh phi", "trach nhiem thuc hien", "to chuc thuc hien", "thuc hien", "lanh dao",
    ];

    public string Text => $"{Label}: {Value}";

    /// <summary>
    /// The fields of one line: "Đơn vị thực hiện: Văn phòng Bộ; thời gian: 6 tháng đầu năm 2026" is two. Empty when the
    /// line is ordinary text.
    /// </summary>
    public static IReadOnlyList<PlanField> ReadAll(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (Read(text) is not { } first)
        {
            return [];
        }

        var fields = new List<PlanField>();
        var current = first;
        while (true)
        {
            var split = NextLabel().Matches(current.Value).Select(m => (m.Index, Field: Read(current.Value[(m.Index + m.Length)..])))
                .FirstOrDefault(s => s.Field is not null);
            if (split.Field is null)
            {
                fields.Add(current);
                return fields;
            }

            fields.Add(current with { Value = current.Value[..(split.Index + 1)].Trim() });
            current = split.Field;
        }
    }

    /// <summary>The field a block's text is, or null when it is ordinary text.</summary>
    public static PlanField? Read(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var match = Labelled().Match(text);
        if (!match.Success)
        {
            return null;
        }

        var label = match.Groups[1].Value.Trim();
        var folded = VietnameseText.Fold(label);
        var words = folded.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length > 8 || !LabelStarts.Any(start => folded.StartsWith(start, StringComparison.Ordinal)))
        {
            return null;
        }

        var kind = KindOf(folded);
        return kind is null ? null : new PlanField(kind.Value, label, match.Groups[2].Value.Trim());
    }

    private static FieldKind? KindOf(string label)
    {
        if (label.Contains("phoi hop", StringComparison.Ordinal))
        {
            return FieldKind.Support;
        }

        if (label.Contains("chu tri", StringComparison.Ordinal) || label.Contains("thuc hien", StringComparison.Ordinal) && (label.StartsWith("co quan", StringComparison.Ordinal) || label.StartsWith("don vi", StringComparison.Ordinal) || label.StartsWith("trach nhiem", StringComparison.Ordinal)))
        {
            return label.StartsWith("thoi", StringComparison.Ordinal) ? FieldKind.Due : FieldKind.Lead;
        }

        if (label.StartsWith("thoi gian", StringComparison.Ordinal) || label.StartsWith("thoi han", StringComparison.Ordinal) || label.StartsWith("tien do", StringComparison.Ordinal))
        {
            return FieldKind.Due;
        }

        if (label.StartsWith("co quan", StringComparison.Ordinal) || label.StartsWith("don vi", StringComparison.Ordinal))
        {
            // "Cơ quan, đơn vị: …" with no role word: the agencies that do it.
            return label.Contains("ket qua", StringComparison.Ordinal) || label.Contains("bao cao", StringComparison.Ordinal) ? null : FieldKind.Lead;
        }

        return label.StartsWith("thuc hien", StringComparison.Ordinal) || label.StartsWith("lanh dao", StringComparison.Ordinal) || label.StartsWith("to chuc", StringComparison.Ordinal) ? null : FieldKind.Other;
    }

    [GeneratedRegex(@"[;.]\s+(?=[^:;.]{2,60}:)")]
    private static partial Regex NextLabel();

    [GeneratedRegex(@"^([^:;.]{2,80}?)\s*:\s*(.*)$", RegexOptions.Singleline)]
    private static partial Regex Labelled();
}

public enum FieldKind
{
    Lead,
    Support,
    Due,

    /// <summary>"Nội dung", "Sản phẩm", "Kết quả", "Kinh phí": part of the task's text.</summary>
    Other,
}
