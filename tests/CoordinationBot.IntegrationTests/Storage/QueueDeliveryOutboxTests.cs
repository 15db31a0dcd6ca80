using CoordinationBot.Core.Conversations;
using CoordinationBot.Core.StatusReports;
using CoordinationBot.IntegrationTests.Fixtures;
using CoordinationBot.Storage.StatusReports;
using Microsoft.Extensions.DependencyInjection;

namespace CoordinationBot.IntegrationTests.Storage;

/// <summary>The outbox on Azurite's queue: extending a received message, and what a stale pop receipt gets.</summary>
[Collection(AzuriteGroup.Name)]
public sealed class QueueDeliveryOutboxTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task AnExtendedMessage_StaysHidden_AndCompletesWithItsNewReceipt_WhileAStaleReceiptIsRefusedAsTheLeaseExpects()
    {
        await using var context = await BotTestContext.StartAsync(azurite, new BotHostSettings(Configuration: new Dictionary<string, string?> { ["Delivery:Enabled"] = "false" }));
        var outbox = context.Host.Services.GetRequiredService<QueueDeliveryOutbox>();
        var reference = new ConversationReference("msteams", "https://smba.example/", "a:1", "personal", "t", "28:bot", "29:u", "aad-u", null, DateTimeOffset.UtcNow);
        await outbox.EnqueueAsync(new Delivery("round", "Sở Tài chính", reference), default);

        var received = Assert.Single(await outbox.ReceiveAsync(1, TimeSpan.FromSeconds(1), default));
        var extended = await outbox.ExtendAsync(received, TimeSpan.FromSeconds(30), default);
        await Task.Delay(TimeSpan.FromSeconds(2));

        Assert.Empty(await outbox.ReceiveAsync(1, TimeSpan.FromSeconds(1), default));
        Assert.NotEqual(received.PopReceipt, extended.PopReceipt);
        var stale = await Assert.ThrowsAsync<Azure.RequestFailedException>(() => outbox.ExtendAsync(received, TimeSpan.FromSeconds(30), default));
        Assert.True(stale.Status == 404 || stale.ErrorCode == "PopReceiptMismatch", $"{stale.Status} {stale.ErrorCode}");
        await outbox.CompleteAsync(extended, default);
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.Empty(await outbox.ReceiveAsync(1, TimeSpan.FromSeconds(1), default));
    }
}
