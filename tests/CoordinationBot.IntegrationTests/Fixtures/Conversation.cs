using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CoordinationBot.BotFramework.Schema;
using CoordinationBot.Core.Plans;
using CoordinationBot.Core.Plans.Import;
using CoordinationBot.Testing;
using Microsoft.Extensions.DependencyInjection;

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

    /// <summary>Each officer installs the bot in their personal chat (conversation id given), as Teams tells the bot.</summary>
    public static async Task InstallAsync(BotTestContext context, params (string AadObjectId, string ConversationId)[] officers)
    {
        ArgumentNullException.ThrowIfNull(context);
        foreach (var (user, conversation) in officers)
        {
            await context.Client.PostAsJsonAsync("/api/messages", TeamsActivities.BotAdded(context.Connector.ServiceUrl, conversation, user));
        }
    }

    /// <summary>The Tuyên Quang seed plan 000 (đối ngoại nhân dân), imported by <paramref name="importer"/>.</summary>
    public static async Task<StoredPlan> ImportSeedPlanAsync(BotTestContext context, string importer)
    {
        ArgumentNullException.ThrowIfNull(context);
        using var scope = context.Host.Services.CreateScope();
        var bytes = await File.ReadAllBytesAsync(SharedData.Require("seeds", "000_6f683b4a1ed7a171.txt"));
        return (await scope.ServiceProvider.GetRequiredService<ImportPlanHandler>().HandleAsync(new ImportPlanRequest(bytes, "dnnd.txt", importer), default)).Plan!;
    }

    /// <summary>Waits (at most 20 s) until the connector has received <paramref name="count"/> requests that match; the list of all that came when they do not.</summary>
    public static async Task<List<RecordedRequest>> WaitForAsync(LoopbackConnector connector, Func<RecordedRequest, bool> match, int count)
    {
        ArgumentNullException.ThrowIfNull(connector);
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (DateTime.UtcNow < deadline)
        {
            var found = connector.Requests.Where(match).ToList();
            if (found.Count >= count)
            {
                return found;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("The expected messages did not arrive: " + string.Join(" | ", connector.Requests.Select(r => r.Activity?.Conversation?.Id + ": " + (r.Activity?.Summary ?? r.Activity?.Text))));
    }

    /// <summary>The officer sends a file in their chat with words beside it, as Teams does; the bot's one text answer there.</summary>
    public static async Task<string> SendFileAsync(BotTestContext context, string aadObjectId, byte[] content, string fileName, string words)
    {
        ArgumentNullException.ThrowIfNull(context);
        var url = context.Connector.ServeFile(Guid.NewGuid().ToString("N") + Path.GetExtension(fileName), content);
        var message = TeamsActivities.FileMessage(context.Connector.ServiceUrl, url, fileName);
        message["text"] = words;
        message["from"] = new JsonObject { ["id"] = "29:" + aadObjectId, ["aadObjectId"] = aadObjectId };
        message["conversation"]!["id"] = "a:" + aadObjectId;
        context.Connector.Requests.Clear();
        await context.Client.PostAsJsonAsync("/api/messages", message);
        var reply = await WaitForAsync(context.Connector, r => r.Activity?.Conversation?.Id == "a:" + aadObjectId && r.Activity.Text is not null, 1);
        return reply[0].Activity!.Text!;
    }
}
