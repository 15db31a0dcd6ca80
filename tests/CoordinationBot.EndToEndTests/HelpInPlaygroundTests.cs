using CoordinationBot.Core.Conversations;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CoordinationBot.EndToEndTests;

public sealed class HelpInPlaygroundTests(PlaygroundFixture stack) : IClassFixture<PlaygroundFixture>
{
    private const string HelpTitle = "CoordinationBot — trợ lý phối hợp thực hiện kế hoạch";

    [Fact]
    public async Task TypingTroGiup_InThePlayground_RendersTheHelpCard()
    {
        await stack.InChatAsync("help", async page =>
        {
            var titles = page.GetByText(HelpTitle, new() { Exact = true });
            await Assertions.Expect(titles).ToHaveCountAsync(1);

            await PlaygroundFixture.SendAsync(page, "trợ giúp");

            await Assertions.Expect(titles).ToHaveCountAsync(2, new() { Timeout = 30_000 });
            var helpCard = titles.Nth(1);
            await Assertions.Expect(helpCard).ToBeVisibleAsync();
            await Assertions.Expect(page.GetByText("Xem hướng dẫn này", new() { Exact = true })).ToHaveCountAsync(2);
            await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Trợ giúp", Exact = true })).ToHaveCountAsync(2);

            var store = stack.BotServices.GetRequiredService<IConversationReferenceStore>();
            var stored = await ListAllAsync(store);
            Assert.NotEmpty(stored);
            Assert.All(stored, reference => Assert.StartsWith("http://localhost:", reference.ServiceUrl, StringComparison.Ordinal));
        });
    }

    private static async Task<List<ConversationReference>> ListAllAsync(IConversationReferenceStore store)
    {
        var all = new List<ConversationReference>();
        await foreach (var reference in store.ListAsync("00000000-0000-0000-0000-0000000000001", default))
        {
            all.Add(reference);
        }

        return all;
    }
}
