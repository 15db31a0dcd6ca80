using System.Text.Json.Nodes;

namespace CoordinationBot.IntegrationTests.Fixtures;

/// <summary>Activities as Teams sends them (JSON on the wire, not our model), for tests of the endpoint.</summary>
public static class TeamsActivities
{
    public const string TenantId = "72f988bf-86f1-41af-91ab-2d7cd011db47";
    public const string BotId = "28:bot-app-id";

    public static JsonObject Message(Uri serviceUrl, string text, string conversationId = "a:1personal", string tenantId = TenantId) => new()
    {
        ["type"] = "message",
        ["id"] = "1700000000001",
        ["timestamp"] = "2026-11-23T08:00:00.000Z",
        ["localTimestamp"] = "2026-11-23T15:00:00.000+07:00",
        ["serviceUrl"] = serviceUrl.ToString(),
        ["channelId"] = "msteams",
        ["from"] = new JsonObject { ["id"] = "29:user-1", ["name"] = "Nguyễn Văn A", ["aadObjectId"] = "00000000-0000-0000-0000-0000000000a1" },
        ["conversation"] = new JsonObject { ["conversationType"] = "personal", ["tenantId"] = tenantId, ["id"] = conversationId },
        ["recipient"] = new JsonObject { ["id"] = BotId, ["name"] = "CoordinationBot" },
        ["textFormat"] = "plain",
        ["locale"] = "vi-VN",
        ["text"] = text,
        ["entities"] = new JsonArray(new JsonObject { ["type"] = "clientInfo", ["locale"] = "vi-VN", ["country"] = "VN", ["platform"] = "Web" }),
        ["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = tenantId } },
    };

    public const string OfficerAadObjectId = "00000000-0000-0000-0000-0000000000a1";

    /// <summary>A personal-chat message carrying a file, as Teams sends it (file download info).</summary>
    public static JsonObject FileMessage(Uri serviceUrl, Uri downloadUrl, string fileName)
    {
        var message = Message(serviceUrl, string.Empty);
        message.Remove("text");
        message["attachments"] = new JsonArray(new JsonObject
        {
            ["contentType"] = "application/vnd.microsoft.teams.file.download.info",
            ["contentUrl"] = "https://contoso.sharepoint.com/personal/user/Documents/Files/" + fileName,
            ["name"] = fileName,
            ["content"] = new JsonObject { ["downloadUrl"] = downloadUrl.ToString(), ["uniqueId"] = Guid.NewGuid().ToString(), ["fileType"] = Path.GetExtension(fileName).TrimStart('.') },
        });
        return message;
    }

    /// <summary>An Action.Execute press, as Teams sends it (invoke <c>adaptiveCard/action</c>).</summary>
    public static JsonObject CardAction(Uri serviceUrl, string verb, JsonObject data, string fromAadObjectId = OfficerAadObjectId)
    {
        var invoke = Message(serviceUrl, string.Empty);
        invoke.Remove("text");
        invoke["type"] = "invoke";
        invoke["name"] = "adaptiveCard/action";
        invoke["from"] = new JsonObject { ["id"] = "29:user-x", ["aadObjectId"] = fromAadObjectId };
        invoke["value"] = new JsonObject
        {
            ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = verb, ["data"] = data },
            ["trigger"] = "manual",
        };
        return invoke;
    }

    /// <summary>Words typed in a search-based message extension, as Teams sends them (invoke <c>composeExtension/query</c>).</summary>
    public static JsonObject ComposeQuery(Uri serviceUrl, string commandId, string query, int skip = 0, int count = 25)
    {
        var invoke = Message(serviceUrl, string.Empty);
        invoke.Remove("text");
        invoke["type"] = "invoke";
        invoke["name"] = "composeExtension/query";
        invoke["value"] = new JsonObject
        {
            ["commandId"] = commandId,
            ["parameters"] = new JsonArray(new JsonObject { ["name"] = "query", ["value"] = query }),
            ["queryOptions"] = new JsonObject { ["skip"] = skip, ["count"] = count },
        };
        return invoke;
    }

    /// <summary>A link pasted into the compose box on a domain of the app's <c>messageHandlers</c> (invoke <c>composeExtension/queryLink</c>).</summary>
    public static JsonObject QueryLink(Uri serviceUrl, string url)
    {
        var invoke = Message(serviceUrl, string.Empty);
        invoke.Remove("text");
        invoke["type"] = "invoke";
        invoke["name"] = "composeExtension/queryLink";
        invoke["value"] = new JsonObject { ["url"] = url };
        return invoke;
    }

    public static JsonObject BotAdded(Uri serviceUrl, string conversationId = "a:1personal", string aadObjectId = OfficerAadObjectId)
    {
        var activity = ConversationEvent("conversationUpdate", "f:1", serviceUrl, conversationId);
        activity["from"] = new JsonObject { ["id"] = "29:" + aadObjectId, ["aadObjectId"] = aadObjectId };
        activity["membersAdded"] = new JsonArray(new JsonObject { ["id"] = BotId });
        return activity;
    }

    public static JsonObject Uninstalled(Uri serviceUrl, string conversationId = "a:1personal")
    {
        var activity = ConversationEvent("installationUpdate", "f:2", serviceUrl, conversationId);
        activity["action"] = "remove";
        return activity;
    }

    private static JsonObject ConversationEvent(string type, string id, Uri serviceUrl, string conversationId) => new()
    {
        ["type"] = type,
        ["id"] = id,
        ["serviceUrl"] = serviceUrl.ToString(),
        ["channelId"] = "msteams",
        ["from"] = new JsonObject { ["id"] = "29:user-1", ["aadObjectId"] = "00000000-0000-0000-0000-0000000000a1" },
        ["conversation"] = new JsonObject { ["conversationType"] = "personal", ["tenantId"] = TenantId, ["id"] = conversationId },
        ["recipient"] = new JsonObject { ["id"] = BotId, ["name"] = "CoordinationBot" },
        ["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = TenantId } },
    };
}
