using System.Globalization;
using System.Text.Json.Nodes;
using CoordinationBot.BotFramework.Schema;
using CoordinationBot.Core.Questions;
using CoordinationBot.Core.Text;
using CoordinationBot.Host.Resources;

namespace CoordinationBot.Host.Features.Questions;

/// <summary>
/// A message extension's answer as Teams reads it (<c>composeExtension</c>): tasks as results, each a task card with a
/// thumbnail preview (plan, id, lead, due), or a short message in place of results.
/// </summary>
public static class TaskResults
{
    public static InvokeResponse Of(IReadOnlyList<AnswerTask> tasks, CultureInfo culture) => new(200, new JsonObject
    {
        ["composeExtension"] = new JsonObject
        {
            ["type"] = "result",
            ["attachmentLayout"] = "list",
            ["attachments"] = new JsonArray([.. tasks.Select(task => (JsonNode)Attachment(task, culture))]),
        },
    });

    public static InvokeResponse Message(string text) => new(200, new JsonObject
    {
        ["composeExtension"] = new JsonObject { ["type"] = "message", ["text"] = text },
    });

    private static JsonObject Attachment(AnswerTask task, CultureInfo culture) => new()
    {
        ["contentType"] = BotFramework.Schema.Attachment.AdaptiveCardContentType,
        ["content"] = AnswerCard.ForTask(task, culture),
        ["preview"] = new JsonObject
        {
            ["contentType"] = "application/vnd.microsoft.card.thumbnail",
            ["content"] = new JsonObject
            {
                ["title"] = $"{task.TaskId} — {VietnameseText.Shorten(task.PlanLabel, 40)}",
                ["text"] = Preview(task, culture),
            },
        },
    };

    private static string Preview(AnswerTask task, CultureInfo culture)
    {
        var parts = new List<string> { VietnameseText.Shorten(task.Text, 120) };
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
}
