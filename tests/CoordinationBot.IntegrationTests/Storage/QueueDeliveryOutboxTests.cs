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
    public async Task AnExtendedMessage_StaysHidden_AndCompletesWithItsNewReceipt_WhileAStaleReceiptIsNoLongerHeld()
    {
        await using var context = await BotTestContext.StartAsync(azurite, new BotHostSettings(Configuration: new Dictionary<string, string?> { ["Delivery:Enabled"] = "false" }));
        var outbox = await EnqueueOneAsync(context, "a:1", "round");

        var received = Assert.Single(await outbox.ReceiveAsync(1, TimeSpan.FromSeconds(1), default));
        var extended = await outbox.ExtendAsync(received, TimeSpan.FromSeconds(30), default);
        Assert.NotNull(extended);
        await Task.Delay(TimeSpan.FromSeconds(2));

        Assert.Empty(await outbox.ReceiveAsync(1, TimeSpan.FromSeconds(1), default));
        Assert.NotEqual(received.PopReceipt, extended.PopReceipt);
        Assert.Null(await outbox.ExtendAsync(received, TimeSpan.FromSeconds(30), default));
        await outbox.CompleteAsync(extended, default);
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.Empty(await outbox.ReceiveAsync(1, TimeSpan.FromSeconds(1), default));
    }

    [Fact]
    public async Task ARetryWaitUnderASecond_KeepsTheMessageHidden_InsteadOfTheQueueDroppingTheFraction()
    {
        await using var context = await BotTestContext.StartAsync(azurite, new BotHostSettings(Configuration: new Dictionary<string, string?> { ["Delivery:Enabled"] = "false" }));
        var outbox = await EnqueueOneAsync(context, "a:2", "round-short");

        var received = Assert.Single(await outbox.ReceiveAsync(1, TimeSpan.FromSeconds(30), default));
        Assert.NotNull(await outbox.ExtendAsync(received, TimeSpan.FromMilliseconds(300), default));

        // Truncated to zero seconds the message would be back at once; rounded up it stays hidden for a second.
        Assert.Empty(await outbox.ReceiveAsync(1, TimeSpan.FromSeconds(30), default));
        var back = await WaitForMessageAsync(outbox);
        Assert.Equal("round-short", back.Delivery?.RoundId);
        await outbox.CompleteAsync(back, default);
    }

    [Fact]
    public async Task CompletingAMessageAnotherInstanceReceivedSince_IsQuiet_AndLeavesItToItsNewHolder()
    {
        await using var context = await BotTestContext.StartAsync(azurite, new BotHostSettings(Configuration: new Dictionary<string, string?> { ["Delivery:Enabled"] = "false" }));
        var outbox = await EnqueueOneAsync(context, "a:3", "round-taken");

        var first = Assert.Single(await outbox.ReceiveAsync(1, TimeSpan.FromSeconds(1), default));
        var second = await WaitForMessageAsync(outbox);
        Assert.Equal(first.Id, second.Id);

        // The first holder's receipt is stale: its completion is not an error, and does not take the message from the second.
        await outbox.CompleteAsync(first, default);
        Assert.NotNull(await outbox.ExtendAsync(second, TimeSpan.FromSeconds(30), default));
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(1, 1000)]
    [InlineData(300, 1000)]
    [InlineData(1000, 1000)]
    [InlineData(1200, 2000)]
    public void AVisibilityIsRoundedUpToWholeSeconds(int milliseconds, int expected) =>
        Assert.Equal(TimeSpan.FromMilliseconds(expected), QueueDeliveryOutbox.WholeSeconds(TimeSpan.FromMilliseconds(milliseconds)));

    /// <summary>The host's outbox, with one delivery of the round given to the conversation given on it.</summary>
    private static async Task<QueueDeliveryOutbox> EnqueueOneAsync(BotTestContext context, string conversation, string round)
    {
        var outbox = context.Host.Services.GetRequiredService<QueueDeliveryOutbox>();
        var reference = new ConversationReference("msteams", "https://smba.example/", conversation, "personal", "t", "28:bot", "29:u", "aad-u", null, DateTimeOffset.UtcNow);
        await outbox.EnqueueAsync(new Delivery(round, "Sở Tài chính", reference), default);
        return outbox;
    }

    private static async Task<OutboxMessage> WaitForMessageAsync(QueueDeliveryOutbox outbox)
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            if (await outbox.ReceiveAsync(1, TimeSpan.FromSeconds(30), default) is [var message])
            {
                return message;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("the delayed message never came back");
    }
}
