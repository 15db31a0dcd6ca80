using CoordinationBot.Core.Conversations;
using CoordinationBot.Core.Plans.Import;
using CoordinationBot.Core.StatusReports;
using CoordinationBot.IntegrationTests.Fixtures;
using CoordinationBot.Storage.StatusReports;
using CoordinationBot.Testing;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;

namespace CoordinationBot.IntegrationTests.Bot;

/// <summary>
/// An instance that took a delivery and died: the message reappears, the lease runs out, another instance sends it,
/// once. An instance that is alive but slow to send keeps its lease, so nobody else sends it meanwhile.
/// </summary>
[Collection(AzuriteGroup.Name)]
public sealed class DeliveryRecoveryTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task ASendSlowerThanItsLease_KeepsIt_SoNeitherInstanceSendsTheCardTwice()
    {
        var settings = new BotHostSettings(Configuration: new Dictionary<string, string?>
        {
            ["Delivery:VisibilityTimeout"] = "00:00:01.500",
            ["Delivery:Enabled"] = "true",
        });
        await using var context = await BotTestContext.StartAsync(azurite, settings);
        await using var second = new BotHostFactory(azurite.ConnectionString, settings, context.Host.TablePrefix);
        using var secondClient = second.CreateClient();
        var (round, delivery) = await SeedOneDeliveryAsync(context, "a:slow");
        var log = context.Host.Services.GetRequiredService<IDeliveryLog>();

        using (context.Connector.Hold())
        {
            await context.Host.Services.GetRequiredService<QueueDeliveryOutbox>().EnqueueAsync(delivery, default);
            Assert.Single(await context.Connector.WaitForAsync(1, TimeSpan.FromSeconds(20)));

            // Three leases long: without renewal the message would reappear and either instance would send it again.
            await Task.Delay(TimeSpan.FromSeconds(4.5));
            Assert.True(context.Connector.Requests.Count == 1, $"{context.Connector.Requests.Count} sends of one card while the first was still in flight");
            Assert.Equal(DeliveryState.Sending, await log.GetStateAsync(round.Id, delivery.Id, default));
        }

        await log.WaitUntilAsync(round.Id, current => current.Any(s => s.State == DeliveryState.Sent), TimeSpan.FromSeconds(10));

        await Task.Delay(2000);
        Assert.Equal(DeliveryState.Sent, await log.GetStateAsync(round.Id, delivery.Id, default));
        Assert.Equal(1, context.Connector.Requests.Count(r => r.Activity?.Conversation?.Id == "a:slow"));
    }

    [Fact]
    public async Task ADeliveryTakenByAnInstanceThatDied_IsSentByAnother_Once()
    {
        await using var context = await BotTestContext.StartAsync(azurite, new BotHostSettings(Configuration: new Dictionary<string, string?>
        {
            ["Delivery:VisibilityTimeout"] = "00:00:02",
            ["Delivery:Enabled"] = "true",
        }));
        var services = context.Host.Services;
        var (round, delivery) = await SeedOneDeliveryAsync(context, "a:survivor");
        var log = services.GetRequiredService<IDeliveryLog>();

        // The dying instance: claims the delivery with a short lease and never finishes. Its message is hidden for a while.
        Assert.NotNull(await log.TryClaimAsync(round.Id, delivery.Id, TimeSpan.FromSeconds(1), default));
        await services.GetRequiredService<QueueDeliveryOutbox>().EnqueueAsync(delivery, default);

        await log.WaitUntilAsync(round.Id, current => current.Any(s => s.State == DeliveryState.Sent), TimeSpan.FromSeconds(20));

        await Task.Delay(3000);
        Assert.Equal(DeliveryState.Sent, await log.GetStateAsync(round.Id, delivery.Id, default));
        Assert.Single(context.Connector.Requests, r => r.Activity?.Conversation?.Id == "a:survivor");
    }

    [Fact]
    public async Task ADeliveryRowWhoseMessageWasNeverEnqueued_IsSentByTheSweeper_Once()
    {
        await using var context = await BotTestContext.StartAsync(azurite, new BotHostSettings(Configuration: new Dictionary<string, string?>
        {
            ["Delivery:Enabled"] = "true",
            ["Delivery:StalledAfter"] = "00:00:01",
            ["Delivery:SweepInterval"] = "00:00:00.500",
        }));

        // The row is written and the process dies before the message is: nothing is in the queue.
        var (round, delivery) = await SeedOneDeliveryAsync(context, "a:orphan");
        var log = context.Host.Services.GetRequiredService<IDeliveryLog>();

        await log.WaitUntilAsync(round.Id, current => current.Any(s => s.State == DeliveryState.Sent), TimeSpan.FromSeconds(20));
        await Task.Delay(2500);
        Assert.Single(context.Connector.Requests, r => r.Activity?.Conversation?.Id == "a:orphan");
    }

    [Fact]
    public async Task ATeamsOutage_IsRetriedWithGrowingWaits_ThenTheFocalAgencyIsTold_AndCanSendTheCardsAgain()
    {
        const string Focal = "00000000-0000-0000-0000-0000000000f0";
        await using var context = await BotTestContext.StartAsync(azurite, new BotHostSettings(Importers: [Focal], Configuration: new Dictionary<string, string?>
        {
            ["Delivery:Enabled"] = "true",
            ["Delivery:MaxAttempts"] = "4",
            ["Delivery:RetryBackoff"] = "00:00:00.300",
            ["Delivery:VisibilityTimeout"] = "00:00:05",
            ["Bot:MaxConnectorRetries"] = "1",
            ["Bot:ConnectorBaseDelay"] = "00:00:00.001",
        }));
        var services = context.Host.Services;
        await services.GetRequiredService<IConversationReferenceStore>().SaveAsync(new ConversationReference("msteams", context.Connector.ServiceUrl.ToString(), "a:focal", "personal", TeamsActivities.TenantId, "28:bot", "29:f", Focal, null, DateTimeOffset.UtcNow), default);
        context.Connector.FailAlways("a:down", 503);
        var (round, delivery) = await SeedOneDeliveryAsync(context, "a:down", TeamsActivities.TenantId);
        await services.GetRequiredService<QueueDeliveryOutbox>().EnqueueAsync(delivery, default);
        var log = services.GetRequiredService<IDeliveryLog>();

        var failed = await log.WaitUntilAsync(round.Id, current => current.Any(s => s.Agency == "Sở Tài chính" && s.State == DeliveryState.FailedFinal), TimeSpan.FromSeconds(30));
        Assert.True(failed.Any(s => s.State == DeliveryState.FailedFinal), string.Join("; ", failed.Select(s => $"{s.Agency} {s.State} {s.Reason}")));
        // Four attempts of the delivery, each a post and the connector client's one retry of it.
        var posts = context.Connector.Requests.Where(r => r.Activity?.Conversation?.Id == "a:down").Select(r => r.At).ToList();
        Assert.Equal(8, posts.Count);
        var attempts = posts.Where((_, i) => i % 2 == 0).ToList();
        var waits = attempts.Zip(attempts.Skip(1), (a, b) => b - a).ToList();
        // Each retry waited at least its doubling backoff (300, 600, 1,200 ms less 20 % jitter): only lower bounds, as a
        // busy machine makes a wait longer, never shorter. The first wait once came after 56 ms, when the queue dropped
        // the fraction of a 300 ms visibility.
        for (var i = 0; i < waits.Count; i++)
        {
            Assert.True(waits[i] >= TimeSpan.FromMilliseconds(300 * Math.Pow(2, i) * 0.8), $"retry {i + 1} waited its backoff: {string.Join(", ", waits)}");
        }

        var notice = await WaitForCardAsync(context, "a:focal");
        var text = notice.ToJsonString(new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        Assert.Contains("Chưa gửi được 1 phiếu báo cáo", text, StringComparison.Ordinal);
        Assert.Contains("Sở Tài chính: Teams không nhận sau 4 lần thử", text, StringComparison.Ordinal);
        Assert.Contains("gửi lại phiếu báo cáo", text, StringComparison.Ordinal);

        context.Connector.Heal("a:down");
        context.Connector.Requests.Clear();
        var resend = TeamsActivities.Message(context.Connector.ServiceUrl, "gửi lại phiếu báo cáo kế hoạch đối ngoại nhân dân năm 2026", conversationId: "a:focal");
        resend["from"] = new System.Text.Json.Nodes.JsonObject { ["id"] = "29:f", ["aadObjectId"] = Focal };
        await context.Client.PostAsJsonAsync("/api/messages", resend);

        await log.WaitUntilAsync(round.Id, current => current.Any(s => s.Agency == "Sở Tài chính" && s.State == DeliveryState.Sent), TimeSpan.FromSeconds(20));
        Assert.Contains(context.Connector.Requests, r => r.Activity?.Text?.StartsWith("Đã xếp lại 1 phiếu báo cáo", StringComparison.Ordinal) == true);
        Assert.Single(context.Connector.Requests, r => r.Activity?.Conversation?.Id == "a:down" && r.Status == 200);
    }

    [Fact]
    public async Task APostThatGetsNoAnswerInTime_IsNotPostedAgain_AndIsReportedUnconfirmed()
    {
        await using var context = await BotTestContext.StartAsync(azurite, new BotHostSettings(Configuration: new Dictionary<string, string?>
        {
            ["Delivery:Enabled"] = "true",
            ["Bot:ConnectorAttemptTimeout"] = "00:00:00.500",
        }));
        var (round, delivery) = await SeedOneDeliveryAsync(context, "a:late");
        var log = context.Host.Services.GetRequiredService<IDeliveryLog>();

        using (context.Connector.Hold())
        {
            await context.Host.Services.GetRequiredService<QueueDeliveryOutbox>().EnqueueAsync(delivery, default);
            await log.WaitUntilAsync(round.Id, current => current.Any(s => s.State == DeliveryState.Unconfirmed), TimeSpan.FromSeconds(20));
        }

        await Task.Delay(2000);
        Assert.Single(context.Connector.Requests, r => r.Activity?.Conversation?.Id == "a:late");
        Assert.Equal(DeliveryState.Unconfirmed, await log.GetStateAsync(round.Id, delivery.Id, default));
    }

    private static async Task<System.Text.Json.Nodes.JsonNode> WaitForCardAsync(BotTestContext context, string conversationId)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (DateTime.UtcNow < deadline)
        {
            if (context.Connector.Requests.FirstOrDefault(r => r.Activity?.Conversation?.Id == conversationId && r.Activity.Attachments is { Count: > 0 }) is { } request)
            {
                return request.Activity!.Attachments![0].Content!;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"No card arrived in {conversationId}.");
    }

    /// <summary>The plan of the first seed, an open round and one recorded (not yet queued) delivery into <paramref name="conversationId"/>.</summary>
    private static async Task<(ReportingRound Round, Delivery Delivery)> SeedOneDeliveryAsync(BotTestContext context, string conversationId, string? tenantId = null)
    {
        var services = context.Host.Services;
        using (var scope = services.CreateScope())
        {
            var bytes = await File.ReadAllBytesAsync(SharedData.Require("seeds", "000_6f683b4a1ed7a171.txt"));
            await scope.ServiceProvider.GetRequiredService<ImportPlanHandler>().HandleAsync(new ImportPlanRequest(bytes, "dnnd.txt", "t"), default);
        }

        var plan = (await services.GetRequiredService<IPlanStore>().ListLatestAsync(default).ToListAsync()).Single();
        var round = new ReportingRound(ReportingRound.IdFor(plan.Key, ReportingPeriod.WholeYear(2026)), plan.Key, 1, ReportingPeriod.WholeYear(2026), new DateOnly(2099, 1, 1), "t", DateTimeOffset.UtcNow, RoundState.Open, null, tenantId);
        await services.GetRequiredService<IStatusReportStore>().AddRoundAsync(round, default);
        var reference = new ConversationReference("msteams", context.Connector.ServiceUrl.ToString(), conversationId, "personal", TeamsActivities.TenantId, "28:bot", "29:u", "aad-u", null, DateTimeOffset.UtcNow);
        var delivery = new Delivery(round.Id, "Sở Tài chính", reference);
        Assert.True(await services.GetRequiredService<IDeliveryLog>().TryAddAsync(delivery, services.GetRequiredService<DeliveryScheduler>().StalledAfter, default));
        return (round, delivery);
    }
}
