using CoordinationBot.Core.Conversations;
using CoordinationBot.Core.StatusReports;
using Moq;

namespace CoordinationBot.Core.Tests.StatusReports;

public sealed class DeliverySchedulerTests
{
    private static readonly TimeSpan Stall = TimeSpan.FromMinutes(2);
    private readonly Mock<IDeliveryLog> log = new();
    private readonly Mock<IDeliveryOutbox> outbox = new();

    [Fact]
    public async Task AnEnqueueThatFails_KeepsTheRow_SoTheSweeperSendsTheCard()
    {
        log.Setup(l => l.TryAddAsync(It.IsAny<Delivery>(), Stall, It.IsAny<CancellationToken>())).ReturnsAsync(true);
        outbox.SetupSequence(o => o.EnqueueAsync(It.IsAny<Delivery>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(true).ReturnsAsync(true).ReturnsAsync(true).ReturnsAsync(false).ReturnsAsync(true);
        var scheduler = new DeliveryScheduler(log.Object, outbox.Object, Stall);

        var queued = new List<bool>();
        for (var i = 0; i < 5; i++)
        {
            queued.Add(await scheduler.QueueAsync(Card($"a:{i}"), default));
        }

        Assert.All(queued, Assert.True);
        log.Verify(l => l.TryAddAsync(It.Is<Delivery>(d => d.Conversation.ConversationId == "a:3"), Stall, It.IsAny<CancellationToken>()), Times.Once);
    }

    [Theory]
    [InlineData(DeliveryState.Queued, 1)]
    [InlineData(DeliveryState.Sending, 0)]
    [InlineData(DeliveryState.Sent, 0)]
    [InlineData(DeliveryState.FailedFinal, 0)]
    public async Task QueueingAgain_EnqueuesOnlyARowStillWaiting(DeliveryState state, int enqueued)
    {
        log.Setup(l => l.TryAddAsync(It.IsAny<Delivery>(), Stall, It.IsAny<CancellationToken>())).ReturnsAsync(false);
        log.Setup(l => l.GetStateAsync("r", It.IsAny<string>(), It.IsAny<CancellationToken>())).ReturnsAsync(state);
        var scheduler = new DeliveryScheduler(log.Object, outbox.Object, Stall);

        Assert.False(await scheduler.QueueAsync(Card("a:1"), default));

        outbox.Verify(o => o.EnqueueAsync(It.IsAny<Delivery>(), It.IsAny<CancellationToken>()), Times.Exactly(enqueued));
    }

    [Fact]
    public async Task ResendingARound_RequeuesItsFailedAndUnconfirmedStatusCards_NotTheSentOnesNorNotices()
    {
        var failed = Card("a:failed");
        var unconfirmed = Card("a:unconfirmed");
        log.Setup(l => l.ListDeliveriesAsync("r", It.IsAny<CancellationToken>())).ReturnsAsync(
        [
            new DeliveryRecord(failed, DeliveryState.FailedFinal, "retries exhausted", 40),
            new DeliveryRecord(unconfirmed, DeliveryState.Unconfirmed, "unconfirmed", 1),
            new DeliveryRecord(Card("a:sent"), DeliveryState.Sent, null, 1),
            new DeliveryRecord(Card("a:focal") with { Kind = DeliveryKind.FailureNotice, Occasion = "h" }, DeliveryState.FailedFinal, "x", 1),
        ]);
        log.Setup(l => l.RequeueAsync("r", It.IsAny<string>(), Stall, It.IsAny<CancellationToken>())).ReturnsAsync((string _, string id, TimeSpan _, CancellationToken _) => id == failed.Id ? failed : unconfirmed);
        var scheduler = new DeliveryScheduler(log.Object, outbox.Object, Stall);

        Assert.Equal(2, await scheduler.ResendFailedAsync("r", default));
        outbox.Verify(o => o.EnqueueAsync(failed, It.IsAny<CancellationToken>()), Times.Once);
        outbox.Verify(o => o.EnqueueAsync(unconfirmed, It.IsAny<CancellationToken>()), Times.Once);
        log.Verify(l => l.RequeueAsync("r", It.IsAny<string>(), Stall, It.IsAny<CancellationToken>()), Times.Exactly(2));
    }

    private static Delivery Card(string conversation) =>
        new("r", "Sở Tài chính", new ConversationReference("msteams", "https://smba.trafficmanager.net/apac/", conversation, "personal", "t", "28:bot", "29:u", "aad", null, DateTimeOffset.UnixEpoch));
}
