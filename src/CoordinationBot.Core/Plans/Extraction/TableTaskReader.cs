using CoordinationBot.Core.Agencies;
using CoordinationBot.Core.Text;

namespace CoordinationBot.Core.Plans.Extraction;

/// <summary>
/// Tasks from assignment tables (Word tables, or pipe tables in text) with columns such as
/// <c>TT | Tên nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Kết quả | Thời gian hoàn thành</c>.
/// </summary>
public sealed partial class TableTaskReader(AgencyRegistry registry)
{
    private readonly AgencyListReader reader = new(registry);

    public IEnumerable<BuiltTask> Read(OutlineNode section, int? year)
    {
        ArgumentNullException.ThrowIfNull(section);
        Columns? columns = null;
        var index = 0;
        string? group = null;
        string? last = null;
        var continuation = 0;
        foreach (var cells in section.Rows)
        {
            var row = columns is not null ? Aligned(cells, columns) : cells;
            var folded = row.Select(VietnameseText.Fold).ToList();
            if (IsHeader(folded))
            {
                columns = Columns.From(folded);
                group = null;
                continue;
            }

            if (columns is null || columns.Task >= row.Count || string.IsNullOrWhiteSpace(row[columns.Task]))
            {
                continue;
            }

            var numberCell = columns.Number is { } n && n < row.Count ? row[n].Trim('.', ' ') : null;
            if (numberCell is not null && RomanGroup().IsMatch(numberCell) && IsGroupRow(row, columns))
            {
                // "I | NHÓM GIẢI PHÁP VỀ CƠ CHẾ CHÍNH SÁCH | | |": the rows after it are numbered within it.
                group = numberCell;
                continue;
            }

            string id;
            if (numberCell is { Length: > 0 })
            {
                id = $"{section.Marker}.{(group is null ? string.Empty : group + ".")}{numberCell}";
                last = id;
                continuation = 0;
            }
            else if (columns.Number is not null && last is not null)
            {
                // A row under a merged number cell continues the task above it: "PL.II.1.b".
                continuation++;
                id = $"{last}.{(char)('a' + Math.Min(continuation, 25))}";
            }
            else
            {
                index++;
                id = $"{section.Marker}.{index.ToString(System.Globalization.CultureInfo.InvariantCulture)}";
            }

            var assignments = new List<Assignment>();
            var unknown = new List<string>();
            AddAgencies(row, columns.Lead, Role.Lead, assignments, unknown);
            AddAgencies(row, columns.Support, Role.Support, assignments, unknown);
            var dueText = columns.Due is { } d && d < row.Count && row[d].Length > 0 ? row[d] : null;
            var due = dueText is null ? null : DateReader.ReadDeadline(dueText, year);
            var task = new PlanTask(id, section.Text, row[columns.Task], due, dueText, assignments);
            yield return new BuiltTask(task, [], unknown);
        }
    }

    /// <summary>A row under a merged number cell may come without that cell: its first cell is then the task.</summary>
    private static IReadOnlyList<string> Aligned(IReadOnlyList<string> row, Columns columns) =>
        columns.Number == 0 && row.Count > 0 && row.Count < columns.Count && row[0].Length > 12 && !Ordinal().IsMatch(row[0])
            ? [string.Empty, .. row]
            : row;

    /// <summary>A header row: short label cells, one naming the task ("Nhiệm vụ", "Nội dung") and one who does it.</summary>
    private static bool IsHeader(List<string> folded)
    {
        string[] task = ["nhiem vu", "noi dung", "ten nhiem vu", "giai phap", "cong viec", "hoat dong"];
        string[] who = ["co quan", "don vi", "chu tri", "phoi hop", "thuc hien"];
        return folded.All(c => c.Length <= 60)
            && folded.Any(c => task.Any(w => c.StartsWith(w, StringComparison.Ordinal)))
            && folded.Any(c => who.Any(w => c.StartsWith(w, StringComparison.Ordinal)) && (c.Contains("chu tri", StringComparison.Ordinal) || c.Contains("thuc hien", StringComparison.Ordinal)));
    }

    private static bool IsGroupRow(IReadOnlyList<string> row, Columns columns) =>
        (columns.Lead is not { } lead || lead >= row.Count || row[lead].Length == 0)
        && (columns.Support is not { } support || support >= row.Count || row[support].Length == 0);

    private void AddAgencies(IReadOnlyList<string> row, int? column, Role role, List<Assignment> assignments, List<string> unknown)
    {
        if (column is not { } c || c >= row.Count)
        {
            return;
        }

        foreach (var name in AgencyCell.Split(row[c], reader))
        {
            assignments.Add(new Assignment(name, role, AssignmentSource.Table, Why: $"table, {(role == Role.Lead ? "lead" : "support")} column: " + Explain.Quote(row[c])));
            if (registry.FindExact(name) is null)
            {
                unknown.Add(name);
            }
        }
    }

    private sealed record Columns(int Count, int? Number, int Task, int? Lead, int? Support, int? Due)
    {
        public static Columns From(List<string> header)
        {
            int? Find(params string[] words)
            {
                var i = header.FindIndex(cell => words.Any(w => cell.Contains(w, StringComparison.Ordinal)));
                return i >= 0 ? i : null;
            }

            var number = header.FindIndex(cell => cell is "tt" or "stt" or "so tt");
            return new Columns(
                header.Count,
                number >= 0 ? number : null,
                Find("ten nhiem vu", "nhiem vu", "noi dung") ?? 1,
                Find("chu tri") ?? Find("don vi thuc hien", "co quan thuc hien", "thuc hien"),
                Find("phoi hop"),
                Find("thoi gian", "thoi han", "hoan thanh"));
        }
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^(?:[IVX]{1,5}|\d{1,3}(?:\.\d{1,3})*)\.?$")]
    private static partial System.Text.RegularExpressions.Regex Ordinal();

    [System.Text.RegularExpressions.GeneratedRegex(@"^[IVX]{1,5}$")]
    private static partial System.Text.RegularExpressions.Regex RomanGroup();
}
