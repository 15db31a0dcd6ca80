using System.Text.Json.Nodes;
using CoordinationBot.BotFramework.Authentication;
using CoordinationBot.BotFramework.Routing;
using CoordinationBot.BotFramework.Schema;
using CoordinationBot.Core.Questions;
using CoordinationBot.Host.Resources;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace CoordinationBot.Host.Features.Questions;

/// <summary>
/// Link unfurling (invoke <c>composeExtension/queryLink</c>): a link to a task on the progress board
/// (<c>https://&lt;host&gt;/tab?plan=&lt;plan key&gt;&amp;task=&lt;id&gt;</c>) pasted into a conversation becomes the task's card.
/// A link to no task the registry holds stays a plain link: nothing is guessed.
/// </summary>
public sealed class TaskLinkHandler(AskHandler ask, PlanCatalogSource catalogs, IOptions<TeamsSsoOptions> tab, IOptions<BotLanguageOptions> language) : IActivityHandler
{
    public const string InvokeName = "composeExtension/queryLink";

    public ActivityRoute Route { get; } = new(ActivityTypes.Invoke, InvokeName);

    /// <summary>The board's link to a task, relative to the host that serves the tab.</summary>
    public static string PathTo(string planKey, string taskId) =>
        $"/tab?plan={Uri.EscapeDataString(planKey)}&task={Uri.EscapeDataString(taskId)}";

    public async Task<InvokeResponse?> HandleAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var culture = language.Value.CultureFor(turn.Activity.Locale);
        if (Link(turn.Activity.Value) is not var (planKey, taskId))
        {
            return TaskResults.Of([], culture);
        }

        var task = ask.Cite(await catalogs.GetAsync(cancellationToken), planKey, taskId, culture);
        return TaskResults.Of(task is null ? [] : [task], culture);
    }

    private (string PlanKey, string TaskId)? Link(JsonNode? value)
    {
        if (value?["url"] is not JsonValue url || !url.TryGetValue<string>(out var text)
            || !Uri.TryCreate(text, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttps
            || !string.Equals(uri.AbsolutePath, "/tab", StringComparison.OrdinalIgnoreCase)
            || (tab.Value.Domain is { Length: > 0 } domain && !string.Equals(uri.Host, domain, StringComparison.OrdinalIgnoreCase)))
        {
            return null;
        }

        var query = QueryHelpers.ParseQuery(uri.Query);
        return query.TryGetValue("plan", out var plan) && query.TryGetValue("task", out var task) && plan.Count == 1 && task.Count == 1
            && plan[0] is { Length: > 0 and <= 200 } key && task[0] is { Length: > 0 and <= 50 } id
            ? (key, id)
            : null;
    }
}
