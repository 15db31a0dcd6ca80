using Microsoft.Playwright;

namespace CoordinationBot.EndToEndTests;

public sealed class QuestionInPlaygroundTests(PlaygroundFixture stack) : IClassFixture<PlaygroundFixture>
{
    [Fact]
    public async Task AskingWhoLeadsATask_WithoutDiacritics_RendersTheAnswerCard()
    {
        await stack.InChatAsync("question", async page =>
        {
            await PlaygroundFixture.SendAsync(page, "ai chu tri so hoa ho so luu tru lich su");

            await Assertions.Expect(page.GetByText("Kết quả tra cứu", new() { Exact = true })).ToBeVisibleAsync(new() { Timeout = 30_000 });
            await Assertions.Expect(page.GetByText("Kế hoạch 21/KH-UBND", new() { Exact = false }).First).ToBeVisibleAsync();
            await Assertions.Expect(page.GetByText("Sở Nội vụ", new() { Exact = true }).First).ToBeVisibleAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Xem toàn văn" }).First).ToBeVisibleAsync();
            await page.ScreenshotAsync(new() { Path = Path.Combine(AppContext.BaseDirectory, "playground-answer.png") });
        });
    }
}
