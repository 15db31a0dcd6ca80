using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CoordinationBot.BotFramework.Schema;

namespace CoordinationBot.IntegrationTests.Fixtures;

/// <summary>An officer typing in their chat with the bot, over the wire, and the bot's first answer there.</summary>
public static class Conversation
{
    public static async Task<Activity> SayAsync(BotTestContext context, string aadObjectId, string conversationId, string text)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Connector.Requests.Clear();
        var message = TeamsActivities.Message(context.Connector.ServiceUrl, text, conversationId: conversationId);
        message["from"] = new JsonObject { ["id"] = "29:" + conversationId, ["aadObjectId"] = aadObjectId };
        await context.Client.PostAsJsonAsync("/api/messages", message);
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (DateTime.UtcNow < deadline)
        {
            if (context.Connector.Requests.FirstOrDefault(r => r.Activity?.Conversation?.Id == conversationId) is { } reply)
            {
                return reply.Activity!;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException($"No answer in {conversationId} to “{text}”.");
    }
}
