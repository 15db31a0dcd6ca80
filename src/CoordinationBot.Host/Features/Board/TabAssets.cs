using System.Collections.Concurrent;

namespace CoordinationBot.Host.Features.Board;

/// <summary>
/// The tab's page, its script and style, and Microsoft's Teams JavaScript client (pinned in package.json, copied in at
/// build time): all embedded in the host and served from it, nothing from a CDN.
/// </summary>
public static class TabAssets
{
    private static readonly ConcurrentDictionary<string, string?> Cache = new(StringComparer.Ordinal);

    private static readonly Dictionary<string, string> Types = new(StringComparer.Ordinal)
    {
        ["tab.js"] = "text/javascript; charset=utf-8",
        ["teams.js"] = "text/javascript; charset=utf-8",
        ["tab.css"] = "text/css; charset=utf-8",
    };

    /// <summary>A page with its sign-in mode and the plan a channel tab was configured with.</summary>
    public static IResult Page(string name, bool development, string? plan)
    {
        var page = Read(name) ?? string.Empty;
        page = page.Replace("{{MODE}}", development ? "development" : "teams", StringComparison.Ordinal)
            .Replace("{{PLAN}}", Html.Encode(plan is { Length: <= 200 } ? plan : string.Empty), StringComparison.Ordinal);
        return TypedResults.Content(page, "text/html; charset=utf-8");
    }

    public static IResult Asset(string name)
    {
        if (!Types.TryGetValue(name, out var type))
        {
            return TypedResults.NotFound();
        }

        // Without npm's copy of the Teams client (npm ci not run before the build) the page says it cannot sign in.
        var text = Read(name) ?? (name == "teams.js" ? "/* @microsoft/teams-js was not installed when the host was built: run npm ci, then build. */" : null);
        return text is null ? TypedResults.NotFound() : TypedResults.Text(text, type);
    }

    private static string? Read(string name) => Cache.GetOrAdd(name, static key =>
    {
        using var stream = typeof(TabAssets).Assembly.GetManifestResourceStream("tab." + key);
        if (stream is null)
        {
            return null;
        }

        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    });
}
