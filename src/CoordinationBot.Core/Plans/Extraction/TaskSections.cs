using CoordinationBot.Core.Text;

namespace CoordinationBot.Core.Plans.Extraction;

/// <summary>Which sections of a plan hold tasks, whether a section's tasks are in an attachment, and ids made unique.</summary>
internal static class TaskSections
{
    public static SectionKind KindOf(OutlineNode section)
    {
        var folded = VietnameseText.Fold(section.Text);
        if (folded.Contains("nhiem vu", StringComparison.Ordinal) || section.Marker == "PL")
        {
            return SectionKind.Tasks;
        }

        if (section.Kind == BlockKind.Article)
        {
            return folded.Contains("trach nhiem thi hanh", StringComparison.Ordinal) || folded.Contains("hieu luc", StringComparison.Ordinal) ? SectionKind.NotTasks : SectionKind.AssignedOnly;
        }

        string[] notTasks = ["muc dich", "yeu cau", "quan diem", "muc tieu", "can cu", "ket qua dat duoc", "tinh hinh", "pham vi", "doi tuong"];
        if (notTasks.Any(word => folded.Contains(word, StringComparison.Ordinal)))
        {
            return SectionKind.NotTasks;
        }

        return folded.Contains("kinh phi", StringComparison.Ordinal) ? SectionKind.AssignedOnly : SectionKind.Tasks;
    }

    public static bool MentionsAttachment(OutlineNode section)
    {
        var folded = VietnameseText.Fold(string.Join(' ', section.Paragraphs.Append(section.Text)));
        return folded.Contains("kem theo", StringComparison.Ordinal) && (folded.Contains("bieu", StringComparison.Ordinal) || folded.Contains("phu luc", StringComparison.Ordinal) || folded.Contains("bang", StringComparison.Ordinal));
    }

    public static List<BuiltTask> Deduplicate(List<BuiltTask> tasks)
    {
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        return tasks.Select(built =>
        {
            var id = built.Task.Id;
            if (seen.TryGetValue(id, out var count))
            {
                seen[id] = count + 1;
                return built with { Task = built.Task with { Id = $"{id}#{count + 1}" } };
            }

            seen[id] = 1;
            return built;
        }).ToList();
    }
}

internal enum SectionKind
{
    Tasks,

    /// <summary>"Kinh phí", an article of a decision: only items that name who does them are tasks.</summary>
    AssignedOnly,
    NotTasks,
}
