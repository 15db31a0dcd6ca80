using System.Globalization;
using System.Text;
using CoordinationBot.Core.Board;
using CoordinationBot.Core.Consolidation;
using CoordinationBot.Core.StatusReports;
using CoordinationBot.Core.Text;
using CoordinationBot.Host.Resources;

namespace CoordinationBot.Host.Features.Board;

/// <summary>
/// The board of one round as an HTML fragment the tab puts in place: headline numbers, the reported/expected chart per
/// agency, the on-time bar, who is late, each task and the latest difficulties and proposals. Numbers carry
/// <c>data-</c> attributes so a test reads what the page shows, not its wording.
/// </summary>
public static class BoardHtml
{
    private static readonly OnTimeStatus[] OnTimeOrder =
        [OnTimeStatus.DoneOnTime, OnTimeStatus.InProgressOnTime, OnTimeStatus.NotStarted, OnTimeStatus.DoneLate, OnTimeStatus.OverdueNotDone];

    public static string Render(ProgressBoard board, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(board);
        string T(string key) => BotText.Get(key, culture);
        string F(string key, params object?[] values) => string.Format(culture, T(key), values);
        var round = board.Round;
        var html = new StringBuilder();
        var scope = round.Scope.Whole ? "whole" : "agency";
        html.Append(CultureInfo.InvariantCulture, $"<article class=\"board\" data-round=\"{E(round.RoundId)}\" data-scope=\"{scope}\" data-agencies=\"{E(string.Join('|', board.Agencies.Select(a => a.Agency)))}\">");
        html.Append(CultureInfo.InvariantCulture, $"<h2>{E(round.PlanLabel)}</h2><p>{E(round.PlanTitle)}</p>");
        html.Append(CultureInfo.InvariantCulture, $"<p>{E(F("Board_Period", round.Period, round.Due.ToVietnameseDate(), T(round.Open ? "Board_Open" : "Board_Closed")))} {E(F("Board_AsOf", board.AsOf.ToVietnameseDate()))}</p>");
        if (!round.Scope.Whole)
        {
            html.Append(CultureInfo.InvariantCulture, $"<p class=\"scope\">{E(F("Board_ScopeAgency", round.Scope.Agency))}</p>");
        }

        var reportedAgencies = board.Agencies.Count(a => a.Reported > 0);
        html.Append("<ul class=\"tiles\">");
        Tile(html, "agencies-reported", T("Board_AgenciesReported"), $"{reportedAgencies}/{board.Agencies.Count}");
        Tile(html, "parts-reported", T("Board_PartsReported"), $"{board.Agencies.Sum(a => a.Reported)}/{board.Agencies.Sum(a => a.Expected)}");
        foreach (var status in Enum.GetValues<ProgressStatus>())
        {
            Tile(html, "status-" + status, T("Status_" + status), board.StatusCounts[status].ToString(CultureInfo.InvariantCulture));
        }

        Tile(html, "overdue", T("Board_OverdueCount"), board.Overdue.Count.ToString(CultureInfo.InvariantCulture));
        html.Append("</ul>");

        html.Append(CultureInfo.InvariantCulture, $"<h2 id=\"chart-title\">{E(T("Board_ChartTitle"))}</h2><div class=\"chart\" role=\"group\" aria-labelledby=\"chart-title\">");
        foreach (var agency in board.Agencies)
        {
            var label = F("Board_ChartRow", agency.Agency, agency.Reported, agency.Expected);
            html.Append(CultureInfo.InvariantCulture, $"<div class=\"row\" data-agency=\"{E(agency.Agency)}\" data-reported=\"{agency.Reported}\" data-expected=\"{agency.Expected}\"><span>{E(agency.Agency)}</span>{BoardChart.Bar(agency.Reported, agency.Expected, label)}<span>{agency.Reported}/{agency.Expected}</span></div>");
        }

        html.Append("</div>");
        var onTime = OnTimeOrder.Select(s => (s, board.OnTimeCounts[s])).ToList();
        html.Append(CultureInfo.InvariantCulture, $"<h2>{E(T("ConsolidationOnTime"))}</h2>");
        html.Append(BoardChart.Stacked(onTime, string.Join(", ", onTime.Select(o => $"{T("OnTime_" + o.s)}: {o.Item2}"))));
        html.Append("<ul class=\"legend\">");
        foreach (var (status, count) in onTime)
        {
            html.Append(CultureInfo.InvariantCulture, $"<li data-ontime=\"{status}\" data-count=\"{count}\"><i style=\"background:{BoardChart.OnTimeColours[status]}\"></i>{E(T("OnTime_" + status))}: {count}</li>");
        }

        html.Append("</ul>");
        Names(html, "overdue-agencies", T("Board_Overdue"), board.Overdue, T("Board_None"));
        Names(html, "not-reported", T("Board_NotReported"), board.NotReported, T("Board_None"));
        Tasks(html, board, culture);
        Notes(html, "difficulties", T("Board_Difficulties"), board.Difficulties, T("Board_None"));
        Notes(html, "proposals", T("Board_Proposals"), board.Proposals, T("Board_None"));
        if (round.Scope.Whole)
        {
            html.Append(CultureInfo.InvariantCulture, $"<div class=\"downloads\"><button type=\"button\" data-download>{E(T("Board_Download"))}</button><span id=\"download-links\" class=\"downloads\"></span></div>");
        }

        return html.Append("</article>").ToString();
    }

    private static void Tile(StringBuilder html, string name, string label, string value) =>
        html.Append(CultureInfo.InvariantCulture, $"<li data-tile=\"{name}\"><span class=\"n\">{E(value)}</span>{E(label)}</li>");

    private static void Names(StringBuilder html, string name, string title, IReadOnlyList<string> names, string none)
    {
        html.Append(CultureInfo.InvariantCulture, $"<h2>{E(title)} ({names.Count})</h2>");
        html.Append(names.Count == 0 ? $"<p>{E(none)}</p>" : $"<ul data-list=\"{name}\">{string.Concat(names.Select(n => $"<li>{E(n)}</li>"))}</ul>");
    }

    private static void Tasks(StringBuilder html, ProgressBoard board, CultureInfo culture)
    {
        string T(string key) => BotText.Get(key, culture);
        html.Append(CultureInfo.InvariantCulture, $"<h2>{E(T("Board_Tasks"))} ({board.Tasks.Count})</h2><table class=\"tasks\"><thead><tr>");
        foreach (var column in new[] { "Board_ColId", "Board_ColTask", "Board_ColLead", "Board_ColDue", "Board_ColStatus", "Board_ColOnTime" })
        {
            html.Append(CultureInfo.InvariantCulture, $"<th scope=\"col\"{(column == "Board_ColTask" ? " class=\"text\"" : string.Empty)}>{E(T(column))}</th>");
        }

        html.Append("</tr></thead><tbody>");
        foreach (var task in board.Tasks)
        {
            var status = task.Status is { } s ? $"{T("Status_" + s)} ({task.Percent}%)" : T("Board_NoReport");
            html.Append(CultureInfo.InvariantCulture, $"<tr data-task=\"{E(task.Id)}\" data-ontime=\"{task.OnTime}\"><td><a href=\"{E(Features.Questions.TaskLinkHandler.PathTo(board.Round.PlanKey, task.Id))}\" title=\"{E(T("Board_TaskLink"))}\">{E(task.Id)}</a></td><td class=\"text\">{E(VietnameseText.Shorten(task.Text, 160))}</td><td>{E(task.Lead)}</td><td>{E(task.Due?.ToVietnameseDate() ?? "—")}</td><td>{E(status)}</td><td class=\"s-{task.OnTime}\">{E(T("OnTime_" + task.OnTime))}</td></tr>");
        }

        html.Append("</tbody></table>");
    }

    private static void Notes(StringBuilder html, string name, string title, IReadOnlyList<AgencyNote> notes, string none)
    {
        html.Append(CultureInfo.InvariantCulture, $"<h2>{E(title)}</h2>");
        html.Append(notes.Count == 0 ? $"<p>{E(none)}</p>" : $"<ul class=\"notes\" data-list=\"{name}\">{string.Concat(notes.Select(n => $"<li><strong>{E(n.Agency)}</strong> ({E(n.TaskId)}): {E(n.Text)}</li>"))}</ul>");
    }

    private static string E(string? text) => Html.Encode(text);
}
