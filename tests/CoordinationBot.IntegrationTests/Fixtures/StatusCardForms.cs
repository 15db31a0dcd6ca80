using System.Text.Json.Nodes;
using CoordinationBot.Testing;

namespace CoordinationBot.IntegrationTests.Fixtures;

/// <summary>Status cards as Teams receives them, filled in as an officer would, and the note of the card sent back.</summary>
public static class StatusCardForms
{
    /// <summary>The status cards the worker posted, by conversation (the last of each), once <paramref name="count"/> conversations have one.</summary>
    public static async Task<Dictionary<string, JsonObject>> WaitForAsync(LoopbackConnector connector, int count)
    {
        ArgumentNullException.ThrowIfNull(connector);
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (DateTime.UtcNow < deadline)
        {
            var cards = Posted(connector);
            if (cards.Count >= count)
            {
                return cards;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"Fewer than {count} status cards arrived.");
    }

    public static Dictionary<string, JsonObject> Posted(LoopbackConnector connector)
    {
        ArgumentNullException.ThrowIfNull(connector);
        return connector.Requests
            .Where(r => CardOf(r)?["actions"]?[0]?["verb"]?.GetValue<string>() == "report.save")
            .GroupBy(r => r.Activity!.Conversation!.Id!)
            .ToDictionary(g => g.Key, g => g.Last().Activity!.Attachments![0].Content!.AsObject());
    }

    public static JsonNode? CardOf(RecordedRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.Activity?.Attachments is { Count: > 0 } attachments ? attachments[0].Content : null;
    }

    /// <summary>The card's submit data with every task given the same status, percent and result.</summary>
    public static JsonObject Inputs(JsonObject card, string status, string percent, string result)
    {
        ArgumentNullException.ThrowIfNull(card);
        var data = card["actions"]![0]!["data"]!.DeepClone().AsObject();
        var tasks = data["tasks"]!.AsArray().Count;
        for (var i = 0; i < tasks; i++)
        {
            data[$"status_{i}"] = status;
            data[$"percent_{i}"] = percent;
            data[$"result_{i}"] = result;
            data[$"difficulties_{i}"] = string.Empty;
            data[$"proposals_{i}"] = string.Empty;
        }

        return data;
    }

    /// <summary>The task ids a card reports on.</summary>
    public static List<string> TasksOf(JsonObject card)
    {
        ArgumentNullException.ThrowIfNull(card);
        return [.. card["actions"]![0]!["data"]!["tasks"]!.AsArray().Select(t => t!.GetValue<string>())];
    }

    /// <summary>The note of a refreshed status card (the coloured text), or the text of a notice card.</summary>
    public static string NoteOf(JsonObject response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var body = response["value"]!["body"]!.AsArray();
        var note = body.FirstOrDefault(b => b?["color"] is not null);
        return (note ?? body[0])!["text"]!.GetValue<string>();
    }
}
