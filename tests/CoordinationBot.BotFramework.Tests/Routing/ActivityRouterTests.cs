using CoordinationBot.BotFramework.Connector;
using CoordinationBot.BotFramework.Routing;
using CoordinationBot.BotFramework.Schema;
using Moq;

namespace CoordinationBot.BotFramework.Tests.Routing;

public sealed class ActivityRouterTests
{
    private readonly IConnectorClient connector = Mock.Of<IConnectorClient>();

    // The application's recogniser folds diacritics; the router only needs a name for a text.
    private static readonly ICommandRecognizer Commands = new PhraseRecognizer();

    [Theory]
    [InlineData("trợ giúp", "help")]
    [InlineData("<at>Bot</at> tro giup", "help")]
    [InlineData("something else", "fallback")]
    [InlineData(null, "fallback")]
    public async Task Message_GoesToItsCommandsHandler_OrTheFallback(string? text, string expected)
    {
        var help = Handler(new ActivityRoute(ActivityTypes.Message, "help"));
        var fallback = Handler(new ActivityRoute(ActivityTypes.Message));
        var router = new ActivityRouter([help.Object, fallback.Object], Commands, connector);

        var (handled, _) = await router.DispatchAsync(new Activity { Type = "message", Text = text }, null, default);

        Assert.True(handled);
        help.Verify(h => h.HandleAsync(It.IsAny<TurnContext>(), It.IsAny<CancellationToken>()), expected == "help" ? Times.Once() : Times.Never());
        fallback.Verify(h => h.HandleAsync(It.IsAny<TurnContext>(), It.IsAny<CancellationToken>()), expected == "fallback" ? Times.Once() : Times.Never());
    }

    [Fact]
    public async Task RecognisedCommandWithoutAHandler_FallsBack_WithTheCommandKnown()
    {
        TurnContext? seen = null;
        var fallback = Handler(new ActivityRoute(ActivityTypes.Message), turn => seen = turn);
        var router = new ActivityRouter([fallback.Object], Commands, connector);

        await router.DispatchAsync(new Activity { Type = "message", Text = "help" }, null, default);

        Assert.Equal("help", seen?.Command?.Name);
    }

    [Fact]
    public async Task Invoke_IsRoutedByName_AndItsResponseReturned()
    {
        var response = new InvokeResponse(200, null);
        var action = Handler(new ActivityRoute(ActivityTypes.Invoke, "adaptiveCard/action"), result: response);
        var router = new ActivityRouter([action.Object], Commands, connector);

        var (handled, returned) = await router.DispatchAsync(new Activity { Type = "invoke", Name = "adaptiveCard/action" }, null, default);
        var (otherHandled, _) = await router.DispatchAsync(new Activity { Type = "invoke", Name = "composeExtension/query" }, null, default);

        Assert.True(handled);
        Assert.Same(response, returned);
        Assert.False(otherHandled);
    }

    [Fact]
    public async Task UnknownType_IsNotHandled()
    {
        var router = new ActivityRouter([Handler(new ActivityRoute(ActivityTypes.Message)).Object], Commands, connector);

        Assert.False((await router.DispatchAsync(new Activity { Type = "messageReaction" }, null, default)).Handled);
    }

    [Theory]
    [InlineData("ai chủ trì việc này?", true)]
    [InlineData("trợ giúp", false)]
    public void OnlyTheHandlersThatSaySo_AnswerAfterAcknowledging(string text, bool expected)
    {
        var fallback = Handler(new ActivityRoute(ActivityTypes.Message));
        fallback.SetupGet(h => h.AnswersAfterAcknowledging).Returns(true);
        var router = new ActivityRouter([fallback.Object, Handler(new ActivityRoute(ActivityTypes.Message, "help")).Object], Commands, connector);

        Assert.Equal(expected, router.AnswersAfterAcknowledging(new Activity { Type = "message", Text = text }));
        Assert.False(router.AnswersAfterAcknowledging(new Activity { Type = "invoke", Name = "adaptiveCard/action" }));
    }

    [Fact]
    public void TwoHandlersForOneRoute_AreAStartupError()
    {
        var route = new ActivityRoute(ActivityTypes.ConversationUpdate);

        Assert.Throws<InvalidOperationException>(() => new ActivityRouter([Handler(route).Object, Handler(route).Object], Commands, connector));
    }

    private static Mock<IActivityHandler> Handler(ActivityRoute route, Action<TurnContext>? onHandle = null, InvokeResponse? result = null)
    {
        var handler = new Mock<IActivityHandler>();
        handler.SetupGet(h => h.Route).Returns(route);
        handler.Setup(h => h.HandleAsync(It.IsAny<TurnContext>(), It.IsAny<CancellationToken>()))
            .Callback<TurnContext, CancellationToken>((turn, _) => onHandle?.Invoke(turn))
            .ReturnsAsync(result);
        return handler;
    }

    private sealed class PhraseRecognizer : ICommandRecognizer
    {
        public TypedCommand? Recognize(string? text) =>
            text?.Trim() is "trợ giúp" or "tro giup" or "help" ? new TypedCommand("help", string.Empty) : null;
    }
}
