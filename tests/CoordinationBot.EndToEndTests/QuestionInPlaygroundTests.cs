using Microsoft.Playwright;

namespace CoordinationBot.EndToEndTests;

public sealed class QuestionInPlaygroundTests(PlaygroundFixture stack) : IClassFixture<PlaygroundFixture>
{
    [Fact]
    public async Task AskingWhoLeadsATask_WithoutDiacritics_RendersTheAnswerCard()
    {
        await using var context = await stack.Browser.NewContextAsync(new BrowserNewContextOptions { Locale = "vi-VN" });
        var page = await context.NewPageAsync();
        try
        {
            await page.GotoAsync(stack.PlaygroundUrl.ToString());
            await Assertions.Expect(page.GetByText("Xin chào! Tôi là CoordinationBot", new() { Exact = false })).ToBeVisibleAsync(new() { Timeout = 30_000 });

            await page.GetByRole(AriaRole.Textbox).ClickAsync();
            await page.Keyboard.TypeAsync("ai chu tri so hoa ho so luu tru lich su");
            await page.Keyboard.PressAsync("Enter");

            await Assertions.Expect(page.GetByText("Kết quả tra cứu", new() { Exact = true })).ToBeVisibleAsync(new() { Timeout = 30_000 });
            await Assertions.Expect(page.GetByText("Kế hoạch 21/KH-UBND", new() { Exact = false }).First).ToBeVisibleAsync();
            await Assertions.Expect(page.GetByText("Sở Nội vụ", new() { Exact = true }).First).ToBeVisibleAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Xem toàn văn" }).First).ToBeVisibleAsync();
            await page.ScreenshotAsync(new() { Path = Path.Combine(AppContext.BaseDirectory, "playground-answer.png") });
        }
        catch (Exception exception)
        {
            await page.ScreenshotAsync(new() { Path = Path.Combine(AppContext.BaseDirectory, "playground-question-failure.png"), FullPage = true });
            throw new InvalidOperationException("End-to-end failure; screenshot in playground-question-failure.png. " + stack.Diagnostics, exception);
        }
    }
}
