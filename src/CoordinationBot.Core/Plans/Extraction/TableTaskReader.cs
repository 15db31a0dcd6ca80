using CoordinationBot.Core.Agencies;
using CoordinationBot.Core.Text;

namespace CoordinationBot.Core.Plans.Extraction;

/// <summary>
/// Tasks from assignment tables (Word tables, or pipe tables in text) with columns such as
/// <c>TT | Tên nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Kết quả | Thời gian hoàn thành</c>.
/// </summary>
public sealed class TableTaskReader(AgencyRegistry registry)
{
    private readonly AgencyListReader reader = new(registry);

    public IEnumerable<BuiltTask> Read(SectionNode section, int? year)
    {
        ArgumentNullException.ThrowIfNull(section);
        Columns? columns = null;
        var index = 0;
        foreach (var row in section.Rows)
        {
            var folded = row.Select(VietnameseText.Fold).ToList();
            if (folded.Any(c => c.Contains("chu tri", StringComparison.Ordinal)) && folded.Any(c => c.Contains("nhiem vu", StringComparison.Ordinal) || c.Contains("noi dung", StringComparison.Ordinal)))
            {
                columns = Columns.From(folded);
                continue;
            }

            if (columns is null || columns.Task >= row.Count || string.IsNullOrWhiteSpace(row[columns.Task]))
            {
                continue;
            }

            index++;
            var number = columns.Number is { } n && n < row.Count && row[n].Length > 0 ? row[n].Trim('.', ' ') : index.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var assignments = new List<Assignment>();
            var unknown = new List<string>();
            AddAgencies(row, columns.Lead, Role.Lead, assignments, unknown);
            AddAgencies(row, columns.Support, Role.Support, assignments, unknown);
            var dueText = columns.Due is { } d && d < row.Count && row[d].Length > 0 ? row[d] : null;
            var due = dueText is null ? null : DateReader.ReadFirst(dueText, year);
            var task = new PlanTask($"{section.Marker}.{number}", section.Title, row[columns.Task], due, dueText, assignments);
            yield return new BuiltTask(task, [], unknown);
        }
    }

    private void AddAgencies(IReadOnlyList<string> row, int? column, Role role, List<Assignment> assignments, List<string> unknown)
    {
        if (column is not { } c || c >= row.Count)
        {
            return;
        }

        foreach (var name in AgencyCell.Split(row[c], reader))
        {
            assignments.Add(new Assignment(name, role, AssignmentSource.Table));
            if (registry.FindExact(name) is null)
            {
                unknown.Add(name);
            }
        }
    }

    private sealed record Columns(int? Number, int Task, int? Lead, int? Support, int? Due)
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
                number >= 0 ? number : null,
                Find("ten nhiem vu", "nhiem vu", "noi dung") ?? 1,
                Find("chu tri"),
                Find("phoi hop"),
                Find("thoi gian", "thoi han", "hoan thanh"));
        }
    }
}
