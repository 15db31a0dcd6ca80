using CoordinationBot.BotFramework.Schema;
using CoordinationBot.Host.Bot;

namespace CoordinationBot.IntegrationTests.Bot;

public sealed class ConversationReferencesTests
{
    [Fact]
    public void ToConversationReference_CarriesWhatAProactiveMessageNeeds()
    {
        var incoming = System.Text.Json.JsonSerializer.Deserialize("""
            {
              "type": "message", "id": "1700000000001", "channelId": "msteams",
              "serviceUrl": "https://smba.trafficmanager.net/apac/",
              "from": { "id": "29:1abc", "name": "Nguyễn Văn A", "aadObjectId": "a1b2" },
              "conversation": { "conversationType": "personal", "tenantId": "t-1", "id": "a:1xyz" },
              "recipient": { "id": "28:bot", "name": "CoordinationBot" },
              "channelData": { "tenant": { "id": "t-1" }, "team": { "id": "19:team" } }
            }
            """, BotJsonContext.Default.Activity)!;
        var now = new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

        var reference = incoming.ToConversationReference(now)!;

        Assert.Equal("https://smba.trafficmanager.net/apac/", reference.ServiceUrl);
        Assert.Equal("a:1xyz", reference.ConversationId);
        Assert.Equal("personal", reference.ConversationType);
        Assert.Equal("t-1", reference.TenantId);
        Assert.Equal("28:bot", reference.BotId);
        Assert.Equal("a1b2", reference.AadObjectId);
        Assert.Equal("19:team", reference.TeamId);
        Assert.Equal(now, reference.UpdatedAt);
        Assert.Null((incoming with { ServiceUrl = null }).ToConversationReference(now));
    }
}
