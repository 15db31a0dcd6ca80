using System.Globalization;
using System.Text.Json.Nodes;
using CoordinationBot.BotFramework.Routing;
using CoordinationBot.BotFramework.Schema;
using CoordinationBot.Core.Questions;
using CoordinationBot.Host.Cards;
using CoordinationBot.Host.Resources;
using Microsoft.Extensions.Options;

namespace CoordinationBot.Host.Bot.Questions;

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
            return Message(BotText.Get("Search_UnknownCommand", culture));
        }

        var query = (value["parameters"] as JsonArray)?
            .OfType<JsonObject>()
            .FirstOrDefault(p => p["name"]?.GetValueKind() == System.Text.Json.JsonValueKind.String && p["name"]!.GetValue<string>() == Parameter)?["value"] is JsonValue typed
                && typed.TryGetValue<string>(out var text) ? text.Trim() : string.Empty;
        if (query.Length == 0)
        {
            return Message(BotText.Get("Search_Type", culture));
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
            return skip > 0 ? Results([]) : Message(answer.Found ? BotText.Get("Search_NoMore", culture) : answer.Text);
        }

        return Results([.. tasks.Select(task => (JsonNode)new JsonObject
        {
            ["contentType"] = Attachment.AdaptiveCardContentType,
            ["content"] = AnswerCard.ForTask(task, culture),
            ["preview"] = new JsonObject
            {
                ["contentType"] = "application/vnd.microsoft.card.thumbnail",
                ["content"] = new JsonObject
                {
                    ["title"] = $"{task.TaskId} — {Core.Text.VietnameseText.Shorten(task.PlanLabel, 40)}",
                    ["text"] = Preview(task, culture),
                },
            },
        })]);
    }

    private static string Preview(AnswerTask task, CultureInfo culture)
    {
        var parts = new List<string> { Core.Text.VietnameseText.Shorten(task.Text, 120) };
        if (task.Leads.Count > 0)
        {
            parts.Add(string.Format(culture, BotText.Get("Search_Lead", culture), string.Join("; ", task.Leads)));
        }

        if (task.Due is not null)
        {
            parts.Add(string.Format(culture, BotText.Get("Search_Due", culture), task.Due));
        }

        return string.Join(" · ", parts);
    }

    private static int Option(JsonObject value, string name, int fallback, int max) =>
        value["queryOptions"]?[name] is JsonValue option && option.TryGetValue<int>(out var number) && number >= 0 ? Math.Min(number, max) : fallback;

    private static InvokeResponse Results(JsonArray attachments) => new(200, new JsonObject
    {
        ["composeExtension"] = new JsonObject { ["type"] = "result", ["attachmentLayout"] = "list", ["attachments"] = attachments },
    });

    private static InvokeResponse Message(string text) => new(200, new JsonObject
    {
        ["composeExtension"] = new JsonObject { ["type"] = "message", ["text"] = text },
    });
}
