using CoordinationBot.Core.Conversations;
using CoordinationBot.Core.Plans.Import;
using CoordinationBot.Core.StatusReports;
using CoordinationBot.IntegrationTests.Fixtures;
using CoordinationBot.Storage.StatusReports;
using CoordinationBot.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CoordinationBot.IntegrationTests.Bot;

/// <summary>An instance that took a delivery and died: the message reappears, the lease runs out, another instance sends it, once.</summary>
[Collection(AzuriteGroup.Name)]
public sealed class DeliveryRecoveryTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task ADeliveryTakenByAnInstanceThatDied_IsSentByAnother_Once()
    {
        await using var context = await BotTestContext.StartAsync(azurite, new BotHostSettings(Configuration: new Dictionary<string, string?>
        {
            ["Delivery:VisibilityTimeout"] = "00:00:02",
            ["Delivery:Enabled"] = "true",
        }));
        var services = context.Host.Services;
        using (var scope = services.CreateScope())
        {
            var bytes = await File.ReadAllBytesAsync(SharedData.Require("seeds", "000_6f683b4a1ed7a171.txt"));
            await scope.ServiceProvider.GetRequiredService<ImportPlanHandler>().HandleAsync(new ImportPlanRequest(bytes, "dnnd.txt", "t"), default);
        }

        var plan = (await services.GetRequiredService<IPlanStore>().ListLatestAsync(default).ToListAsync()).Single();
        var round = new ReportingRound(ReportingRound.IdFor(plan.Key, ReportingPeriod.WholeYear(2026)), plan.Key, 1, ReportingPeriod.WholeYear(2026), new DateOnly(2099, 1, 1), "t", DateTimeOffset.UtcNow, RoundState.Open, null);
        await services.GetRequiredService<IStatusReportStore>().AddRoundAsync(round, default);
        var reference = new ConversationReference("msteams", context.Connector.ServiceUrl.ToString(), "a:survivor", "personal", TeamsActivities.TenantId, "28:bot", "29:u", "aad-u", null, DateTimeOffset.UtcNow);
        var delivery = new Delivery(round.Id, "Sở Tài chính", reference);
        var log = services.GetRequiredService<IDeliveryLog>();

        // The dying instance: claims the delivery with a short lease and never finishes. Its message is hidden for a while.
        Assert.True(await log.TryAddAsync(delivery, default));
        Assert.NotNull(await log.TryClaimAsync(round.Id, delivery.Id, TimeSpan.FromSeconds(1), default));
        await services.GetRequiredService<QueueDeliveryOutbox>().EnqueueAsync(delivery, default);

        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (await log.GetStateAsync(round.Id, delivery.Id, default) != DeliveryState.Sent && DateTime.UtcNow < deadline)
        {
            await Task.Delay(200);
        }

        await Task.Delay(3000);
        Assert.Equal(DeliveryState.Sent, await log.GetStateAsync(round.Id, delivery.Id, default));
        Assert.Single(context.Connector.Requests, r => r.Activity?.Conversation?.Id == "a:survivor");
    }
}
