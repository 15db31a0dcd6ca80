using System.Text.Json;
using CoordinationBot.BotFramework.Schema;

namespace CoordinationBot.BotFramework.Tests.Schema;

public sealed class ActivityTests
{
    // Shape of a real Teams personal-chat message, with fields the model does not name.
    private const string TeamsMessage = """
        {
          "text": "<at>CoordinationBot</at> trợ giúp",
          "textFormat": "plain",
          "type": "message",
          "timestamp": "2026-11-23T08:00:00.1234567Z",
          "localTimestamp": "2026-11-23T15:00:00.1234567+07:00",
          "id": "1700000000001",
          "channelId": "msteams",
          "serviceUrl": "https://smba.trafficmanager.net/apac/",
          "from": { "id": "29:1abc", "name": "Nguyễn Văn A", "aadObjectId": "a1b2" },
          "conversation": { "conversationType": "personal", "tenantId": "t-1", "id": "a:1xyz" },
          "recipient": { "id": "28:bot", "name": "CoordinationBot" },
          "entities": [ { "type": "clientInfo", "locale": "vi-VN" } ],
          "channelData": { "tenant": { "id": "t-1" }, "team": { "id": "19:team" } },
          "locale": "vi-VN",
          "localTimezone": "Asia/Bangkok"
        }
        """;

    [Fact]
    public void Deserialize_TeamsMessage_ReadsTheFieldsTheBotUses()
    {
        var activity = JsonSerializer.Deserialize(TeamsMessage, BotJsonContext.Default.Activity)!;

        Assert.Equal(ActivityTypes.Message, activity.Type);
        Assert.Equal("a:1xyz", activity.Conversation!.Id);
        Assert.Equal("personal", activity.Conversation.ConversationType);
        Assert.Equal("a1b2", activity.From!.AadObjectId);
        Assert.Equal("t-1", activity.GetTenantId());
        Assert.Equal("19:team", activity.GetChannelData()!.Team!.Id);
        Assert.Equal("trợ giúp", activity.GetTextWithoutMentions());
        Assert.Equal(new DateTimeOffset(2026, 11, 23, 8, 0, 0, TimeSpan.Zero).AddTicks(1234567), activity.Timestamp);
    }

    [Fact]
    public void Serialize_KeepsUnknownFields_AndOmitsNulls()
    {
        var activity = JsonSerializer.Deserialize(TeamsMessage, BotJsonContext.Default.Activity)!;

        var json = JsonSerializer.Serialize(activity, BotJsonContext.Default.Activity);

        Assert.Contains("\"localTimezone\":\"Asia/Bangkok\"", json, StringComparison.Ordinal);
        Assert.DoesNotContain("null", json, StringComparison.Ordinal);
        Assert.Contains("\"aadObjectId\":\"a1b2\"", json, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"refresh\"")]
    [InlineData("[1, 2]")]
    [InlineData("42")]
    [InlineData("null")]
    public void CardVerbAndData_ActionThatIsNotAnObject_AreAbsent_NotAnError(string action)
    {
        var activity = new Activity
        {
            Type = ActivityTypes.Invoke,
            Name = "adaptiveCard/action",
            Value = System.Text.Json.Nodes.JsonNode.Parse($$"""{"action": {{action}}}""")!.AsObject(),
        };

        Assert.Null(activity.GetCardVerb());
        Assert.Null(activity.GetCardData());
    }

    [Fact]
    public void GetTenantId_FallsBackToChannelData()
    {
        var activity = new Activity { ChannelData = new System.Text.Json.Nodes.JsonObject { ["tenant"] = new System.Text.Json.Nodes.JsonObject { ["id"] = "t-2" } } };

        Assert.Equal("t-2", activity.GetTenantId());
    }

    [Fact]
    public void CreateReply_SwapsSenderAndRecipient_AndThreadsUnderTheIncomingActivity()
    {
        var incoming = JsonSerializer.Deserialize(TeamsMessage, BotJsonContext.Default.Activity)!;

        var reply = incoming.CreateReply("xin chào");

        Assert.Equal("28:bot", reply.From!.Id);
        Assert.Equal("29:1abc", reply.Recipient!.Id);
        Assert.Equal("1700000000001", reply.ReplyToId);
        Assert.Equal(incoming.ServiceUrl, reply.ServiceUrl);
        Assert.Equal(incoming.Conversation, reply.Conversation);
        Assert.Equal("message", reply.Type);
    }

    [Fact]
    public void GetChannelData_OfAnUnexpectedShape_IsNull()
    {
        var activity = new Activity { ChannelData = new System.Text.Json.Nodes.JsonObject { ["tenant"] = "not an object" } };

        Assert.Null(activity.GetChannelData());
        Assert.Null(activity.GetTenantId());
    }
}
