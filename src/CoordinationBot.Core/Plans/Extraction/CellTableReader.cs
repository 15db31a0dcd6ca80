namespace CoordinationBot.Core.Plans.Extraction;

/// <summary>
/// Text copied out of a Word table often has one cell per run of lines with a line holding only "|" between cells
/// and two such lines between rows; empty cells and rows that omit trailing cells make the separators ambiguous.
/// This rewrites each such run into pipe rows ("| 1 | Nhiệm vụ | Sở Tài chính |"), taking the column count from the
/// first row (the header).
/// </summary>
public static class CellTableReader
{
    public static List<string> Rewrite(IReadOnlyList<string> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var output = new List<string>(lines.Count);
        var i = 0;
        while (i < lines.Count)
        {
            if (lines[i] != "|")
            {
                output.Add(lines[i]);
                i++;
                continue;
            }

            var segments = new List<string>();
            var current = new List<string>();
            for (i++; i < lines.Count && lines[i].Length > 0; i++)
            {
                var line = lines[i];
                if (line == "|")
                {
                    segments.Add(string.Join(' ', current));
                    current.Clear();
                }
                else if (line.EndsWith('|') && line.Count(c => c == '|') == 1)
                {
                    current.Add(line[..^1].Trim());
                    segments.Add(string.Join(' ', current));
                    current.Clear();
                }
                else
                {
                    current.Add(line);
                }
            }

            if (current.Count > 0)
            {
                segments.Add(string.Join(' ', current));
            }

            output.AddRange(Rows(segments).Select(row => "| " + string.Join(" | ", row) + " |"));
            output.Add(string.Empty);
        }

        return output;
    }

    private static List<List<string>> Rows(List<string> segments)
    {
        var rows = new List<List<string>>();
        var row = new List<string>();
        int? columns = null;
        var s = 0;
        while (s < segments.Count)
        {
            if (segments[s].Length > 0)
            {
                row.Add(segments[s]);
                s++;
                continue;
            }

            var empties = 0;
            while (s < segments.Count && segments[s].Length == 0)
            {
                empties++;
                s++;
            }

            // The last empty segment of a run is the row boundary; the others are empty cells of this row while it
            // has room, then of the next row (a continuation row under a merged "TT" cell starts empty).
            columns ??= Math.Max(row.Count, 1);
            var fill = Math.Min(empties - 1, Math.Max(columns.Value - row.Count, 0));
            row.AddRange(Enumerable.Repeat(string.Empty, fill));
            if (row.Count > 0)
            {
                rows.Add(row);
            }

            row = [.. Enumerable.Repeat(string.Empty, empties - 1 - fill)];
        }

        if (row.Any(cell => cell.Length > 0))
        {
            rows.Add(row);
        }

        return rows;
    }
}
