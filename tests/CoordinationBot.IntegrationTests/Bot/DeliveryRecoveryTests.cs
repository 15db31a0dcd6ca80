using CoordinationBot.Core.Conversations;
using CoordinationBot.Core.Plans.Import;
using CoordinationBot.Core.StatusReports;
using CoordinationBot.IntegrationTests.Fixtures;
using CoordinationBot.Storage.StatusReports;
using CoordinationBot.Testing;
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

    /// <summary>The plan of the first seed, an open round and one recorded (not yet queued) delivery into <paramref name="conversationId"/>.</summary>
    private static async Task<(ReportingRound Round, Delivery Delivery)> SeedOneDeliveryAsync(BotTestContext context, string conversationId)
    {
        var services = context.Host.Services;
        using (var scope = services.CreateScope())
        {
            var bytes = await File.ReadAllBytesAsync(SharedData.Require("seeds", "000_6f683b4a1ed7a171.txt"));
            await scope.ServiceProvider.GetRequiredService<ImportPlanHandler>().HandleAsync(new ImportPlanRequest(bytes, "dnnd.txt", "t"), default);
        }

        var plan = (await services.GetRequiredService<IPlanStore>().ListLatestAsync(default).ToListAsync()).Single();
        var round = new ReportingRound(ReportingRound.IdFor(plan.Key, ReportingPeriod.WholeYear(2026)), plan.Key, 1, ReportingPeriod.WholeYear(2026), new DateOnly(2099, 1, 1), "t", DateTimeOffset.UtcNow, RoundState.Open, null);
        await services.GetRequiredService<IStatusReportStore>().AddRoundAsync(round, default);
        var reference = new ConversationReference("msteams", context.Connector.ServiceUrl.ToString(), conversationId, "personal", TeamsActivities.TenantId, "28:bot", "29:u", "aad-u", null, DateTimeOffset.UtcNow);
        var delivery = new Delivery(round.Id, "Sở Tài chính", reference);
        Assert.True(await services.GetRequiredService<IDeliveryLog>().TryAddAsync(delivery, default));
        return (round, delivery);
    }
}
