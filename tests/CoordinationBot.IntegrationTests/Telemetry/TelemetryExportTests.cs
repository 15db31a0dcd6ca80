using System.Text.Json.Nodes;
using CoordinationBot.Core.Conversations;
using CoordinationBot.IntegrationTests.Fixtures;
using CoordinationBot.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CoordinationBot.IntegrationTests.Telemetry;

/// <summary>
/// The bot as a process, configured as in Azure by the standard OTEL_* environment variables, pointed at a loopback OTLP
/// receiver: a turn's span with its activity id, the delivery metrics and the logs arrive.
/// </summary>
[Collection(AzuriteGroup.Name)]
public sealed class TelemetryExportTests(AzuriteFixture azurite)
{
    private const string Focal = "00000000-0000-0000-0000-0000000000f0";
    private const string Officer = "00000000-0000-0000-0000-0000000000b1";

    [Fact]
    public async Task WithAnOtlpEndpoint_ATurnsSpanWithItsActivityId_TheDeliveryMetrics_AndLogsAreExported()
    {
        await using var connector = await LoopbackConnector.StartAsync();
        await using var receiver = OtlpReceiver.Start();
        var prefix = AzuriteFixture.UniquePrefix();
        var directory = await SeedAsync(connector.ServiceUrl, prefix);

        await using var bot = await BotProcess.StartAsync(azurite.ConnectionString, prefix, directory, Focal, new Dictionary<string, string>
        {
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = receiver.Endpoint.ToString(),
            ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
            ["OTEL_METRIC_EXPORT_INTERVAL"] = "500",
            ["OTEL_BSP_SCHEDULE_DELAY"] = "200",
            ["OTEL_BLRP_SCHEDULE_DELAY"] = "200",
            ["Logging__LogLevel__Default"] = "Information",
        });
        var open = TeamsActivities.Message(connector.ServiceUrl, "yêu cầu báo cáo kế hoạch 82/KH-UBND năm 2026 hạn 20/12/2099", conversationId: "a:focal");
        open["id"] = "telemetry-turn-1";
        open["from"] = new JsonObject { ["id"] = "29:focal", ["aadObjectId"] = Focal };
        await bot.PostAsync(open);

        var deadline = DateTime.UtcNow.AddSeconds(40);
        while (DateTime.UtcNow < deadline && !(TurnSpan(receiver) && SentSpan(receiver) && receiver.MetricNames().Contains("coordbot.delivery.outcomes") && receiver.Paths.Contains("/v1/logs")))
        {
            await Task.Delay(200);
        }

        Assert.True(TurnSpan(receiver), "no bot.turn span with the activity id; posts: " + string.Join(", ", receiver.Paths.Distinct()) + "; spans: " + string.Join(", ", receiver.Spans().Select(s => s.Name).Distinct()));
        Assert.True(SentSpan(receiver), "no delivery.send span of a sent card");
        var metrics = receiver.MetricNames();
        Assert.Contains("coordbot.delivery.outcomes", metrics);
        Assert.Contains("coordbot.delivery.duration", metrics);
        Assert.Contains("coordbot.bot.activities", metrics);
        Assert.Contains("/v1/logs", receiver.Paths);
        Assert.Contains(receiver.Spans(), s => s.Attributes.ContainsKey("http.request.method"));
    }

    private static bool TurnSpan(OtlpReceiver receiver) =>
        receiver.Spans().Any(s => s.Name == "bot.turn" && s.Attributes.GetValueOrDefault("bot.activity.id") == "telemetry-turn-1");

    private static bool SentSpan(OtlpReceiver receiver) =>
        receiver.Spans().Any(s => s.Name == "delivery.send" && s.Attributes.GetValueOrDefault("delivery.state") == "Sent");

    /// <summary>A one-task plan and the officer's chat in the storage the process will use; returns the directory file.</summary>
    private async Task<string> SeedAsync(Uri serviceUrl, string prefix)
    {
        await using var seeding = new BotHostFactory(azurite.ConnectionString, new BotHostSettings(Configuration: new Dictionary<string, string?> { ["Delivery:Enabled"] = "false" }), prefix);
        await OneTaskPerAgencyPlan.SaveAsync(seeding.Services, 82, "Kế hoạch thử đo lường", ["Phòng Đo lường"]);
        await seeding.Services.GetRequiredService<IConversationReferenceStore>().SaveAsync(new ConversationReference("msteams", serviceUrl.ToString(), "a:officer", "personal", TeamsActivities.TenantId, "28:bot", "29:officer", Officer, null, DateTimeOffset.UtcNow), default);
        var path = Path.Combine(Path.GetTempPath(), $"coordbot-telemetry-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(path, new JsonObject { ["users"] = new JsonArray(new JsonObject { ["aadObjectId"] = Officer, ["agency"] = "Phòng Đo lường" }) }.ToJsonString());
        return path;
    }
}
