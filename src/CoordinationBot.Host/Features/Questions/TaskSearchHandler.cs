using System.Text.Json.Nodes;
using CoordinationBot.BotFramework.Routing;
using CoordinationBot.BotFramework.Schema;
using CoordinationBot.Core.Questions;
using CoordinationBot.Host.Resources;
using Microsoft.Extensions.Options;

namespace CoordinationBot.Host.Features.Questions;

/// <summary>
/// The compose box's task search (a search-based message extension, invoke <c>composeExtension/query</c>): the words
/// typed ("số hóa hồ sơ", "Sở Nội vụ") go to the question engine; each matching task is a result (plan, id, lead,
/// due), and the one picked is inserted into the conversation as a task card.
/// </summary>
public sealed class TaskSearchHandler(AskHandler ask, PlanCatalogSource catalogs, IOptions<BotLanguageOptions> language) : IActivityHandler
{
    public const string InvokeName = "composeExtension/query";
    public const string CommandId = "searchTasks";
    public const string Parameter = "query";
    private const int MaxResults = 25;
    private const int MaxQueryLength = 300;

    public ActivityRoute Route { get; } = new(ActivityTypes.Invoke, InvokeName);

    public async Task<InvokeResponse?> HandleAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var culture = language.Value.CultureFor(turn.Activity.Locale);
        var value = turn.Activity.Value as JsonObject;
        if (value?["commandId"]?.GetValueKind() != System.Text.Json.JsonValueKind.String || value["commandId"]!.GetValue<string>() != CommandId)
        {
            return TaskResults.Message(BotText.Get("Search_UnknownCommand", culture));
        }

        var query = (value["parameters"] as JsonArray)?
            .OfType<JsonObject>()
            .FirstOrDefault(p => p["name"]?.GetValueKind() == System.Text.Json.JsonValueKind.String && p["name"]!.GetValue<string>() == Parameter)?["value"] is JsonValue typed
                && typed.TryGetValue<string>(out var text) ? text.Trim() : string.Empty;
        if (query.Length == 0)
        {
            return TaskResults.Message(BotText.Get("Search_Type", culture));
        }

        if (query.Length > MaxQueryLength)
        {
            query = query[..MaxQueryLength];
        }

        var skip = Option(value, "skip", 0, 1000);
        var count = Option(value, "count", MaxResults, MaxResults);
        var answer = ask.Search(await catalogs.GetAsync(cancellationToken), query, skip + count, culture);
        var tasks = answer.Tasks.Skip(skip).Take(count).ToList();
        if (tasks.Count == 0)
        {
            return skip > 0 ? TaskResults.Of([], culture) : TaskResults.Message(answer.Found ? BotText.Get("Search_NoMore", culture) : answer.Text);
        }

        return TaskResults.Of(tasks, culture);
    }

    private static int Option(JsonObject value, string name, int fallback, int max) =>
        value["queryOptions"]?[name] is JsonValue option && option.TryGetValue<int>(out var number) && number >= 0 ? Math.Min(number, max) : fallback;
}
