using System.Globalization;
using System.Text.Json.Nodes;
using CoordinationBot.Core.Questions;
using CoordinationBot.Host.Resources;
using CoordinationBot.Host.Cards;

namespace CoordinationBot.Host.Features.Questions;

/// <summary>
/// An answer as a card: for each cited task its plan, id, shortened text (full text behind "Xem toàn văn"), lead,
/// supports and due date; plan facts and "not found" as text. The card's fallback text is the answer's text.
/// </summary>
public static class AnswerCard
{
    private const int MaxTasks = 5;

    /// <summary>Tasks behind "Xem thêm" (a card stays well under Teams' size limit).</summary>
    private const int MaxHidden = 25;

    private const string MoreId = "more-tasks";

    public static JsonObject Create(Answer answer, CultureInfo culture, string? note = null)
    {
        ArgumentNullException.ThrowIfNull(answer);
        var body = new JsonArray { AdaptiveCard.TextBlock(BotText.Get("AnswerTitle", culture), heading: true) };
        if (note is not null)
        {
            body.Add(AdaptiveCard.TextBlock(note, subtle: true));
        }

        if (answer.Tasks.Count == 0)
        {
            foreach (var line in answer.Text.Split('\n', StringSplitOptions.RemoveEmptyEntries))
            {
                body.Add(AdaptiveCard.TextBlock(line.Trim()));
            }

            return AdaptiveCard.Create(body);
        }

        foreach (var task in answer.Tasks.Take(MaxTasks))
        {
            body.Add(Task(task, culture));
        }

        var hidden = answer.Tasks.Skip(MaxTasks).Take(MaxHidden).ToList();
        if (hidden.Count > 0)
        {
            // The rest are on the card, folded away: "Xem thêm" shows them in place.
            body.Add(new JsonObject
            {
                ["type"] = "ActionSet",
                ["actions"] = new JsonArray
                {
                    new JsonObject
                    {
                        ["type"] = "Action.ToggleVisibility",
                        ["title"] = string.Format(culture, BotText.Get("MoreShow", culture), hidden.Count),
                        ["targetElements"] = new JsonArray { MoreId },
                    },
                },
            });
            body.Add(new JsonObject { ["type"] = "Container", ["id"] = MoreId, ["isVisible"] = false, ["items"] = new JsonArray([.. hidden.Select(t => (JsonNode)Task(t, culture))]) });
        }

        if (answer.Tasks.Count > MaxTasks + MaxHidden)
        {
            body.Add(AdaptiveCard.TextBlock(string.Format(culture, BotText.Get("MoreInText", culture), answer.Tasks.Count - MaxTasks - MaxHidden), subtle: true));
        }

        return AdaptiveCard.Create(body);
    }

    /// <summary>One task as a card of its own: what the compose box's task search inserts into a conversation.</summary>
    public static JsonObject ForTask(AnswerTask task, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(task);
        return AdaptiveCard.Create([Task(task, culture)]);
    }

    private static JsonObject Task(AnswerTask task, CultureInfo culture)
    {
        var facts = new JsonArray();
        if (task.Leads.Count > 0)
        {
            facts.Add(AdaptiveCard.Fact(AnswerText.Get("Lead", culture), string.Join("; ", task.Leads)));
        }

        if (task.Supports.Count > 0)
        {
            facts.Add(AdaptiveCard.Fact(AnswerText.Get("Support", culture), string.Join("; ", task.Supports)));
        }

        if (task.Due is not null)
        {
            facts.Add(AdaptiveCard.Fact(AnswerText.Get("Due", culture), task.Due));
        }

        var full = AdaptiveCard.Create([AdaptiveCard.TextBlock(task.Text)]);
        full.Remove("$schema");
        full.Remove("version");
        var header = AdaptiveCard.TextBlock($"{task.PlanLabel} — {task.TaskId}", heading: false);
        header["weight"] = "Bolder";
        var shortText = AdaptiveCard.TextBlock(task.Text);
        shortText["maxLines"] = 3;
        return new JsonObject
        {
            ["type"] = "Container",
            ["separator"] = true,
            ["items"] = new JsonArray
            {
                header,
                shortText,
                new JsonObject { ["type"] = "FactSet", ["facts"] = facts },
                new JsonObject
                {
                    ["type"] = "ActionSet",
                    ["actions"] = new JsonArray { new JsonObject { ["type"] = "Action.ShowCard", ["title"] = BotText.Get("ShowFullText", culture), ["card"] = full } },
                },
            },
        };
    }

}
