using System.Globalization;
using System.Text;
using CoordinationBot.Core.Consolidation;

namespace CoordinationBot.Host.Features.Board;

/// <summary>
/// The board's charts as SVG drawn on the server: nothing to download or run in the browser, the same drawing in
/// Teams' web view, on a phone and in a test, and each bar an image with its numbers in words for screen readers.
/// Bars hold shapes only (stretched to the width); their labels are HTML text beside them, so they never shrink.
/// </summary>
public static class BoardChart
{
    public const string Reported = "#0f6cbd";
    public const string Expected = "#e0e0e0";

    /// <summary>Status colours, each with a text label beside it: colour is never the only sign.</summary>
    public static IReadOnlyDictionary<OnTimeStatus, string> OnTimeColours { get; } = new Dictionary<OnTimeStatus, string>
    {
        [OnTimeStatus.DoneOnTime] = "#0e700e",
        [OnTimeStatus.InProgressOnTime] = "#c19c00",
        [OnTimeStatus.NotStarted] = "#8a8a8a",
        [OnTimeStatus.DoneLate] = "#e37d80",
        [OnTimeStatus.OverdueNotDone] = "#b10e1c",
    };

    /// <summary>One agency's bar: reported parts over assigned ones.</summary>
    public static string Bar(int reported, int expected, string label)
    {
        var share = expected == 0 ? 0 : Math.Clamp(100.0 * reported / expected, 0, 100);
        return Svg(label, $"<rect width=\"100\" height=\"10\" fill=\"{Expected}\"/><rect class=\"reported\" width=\"{Number(share)}\" height=\"10\" fill=\"{Reported}\"/>");
    }

    /// <summary>One stacked bar of every part by on-time status, in the order of <paramref name="counts"/>.</summary>
    public static string Stacked(IReadOnlyList<(OnTimeStatus Status, int Count)> counts, string label)
    {
        ArgumentNullException.ThrowIfNull(counts);
        var total = counts.Sum(c => c.Count);
        var shapes = new StringBuilder($"<rect width=\"100\" height=\"10\" fill=\"{Expected}\"/>");
        var x = 0.0;
        foreach (var (status, count) in counts.Where(c => c.Count > 0))
        {
            var width = 100.0 * count / total;
            shapes.Append(CultureInfo.InvariantCulture, $"<rect data-status=\"{status}\" x=\"{Number(x)}\" width=\"{Number(width)}\" height=\"10\" fill=\"{OnTimeColours[status]}\"/>");
            x += width;
        }

        return Svg(label, shapes.ToString());
    }

    private static string Svg(string label, string shapes) =>
        $"<svg role=\"img\" aria-label=\"{Html.Encode(label)}\" viewBox=\"0 0 100 10\" preserveAspectRatio=\"none\" focusable=\"false\"><title>{Html.Encode(label)}</title>{shapes}</svg>";

    private static string Number(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
