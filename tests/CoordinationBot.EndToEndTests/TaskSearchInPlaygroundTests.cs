using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CoordinationBot.EndToEndTests;

/// <summary>The compose box's task search (search-based message extension) in the Playground, which supports it.</summary>
public sealed class TaskSearchInPlaygroundTests(PlaygroundFixture stack) : IClassFixture<PlaygroundFixture>
{
    [Fact]
    public async Task SearchingTasksFromTheComposeBox_ListsThem_AndThePickedOneIsSentAsATaskCard()
    {
        var plan = (await stack.BotServices.GetRequiredService<CoordinationBot.Core.Plans.Import.IPlanStore>().GetLatestAsync("21-kh-ubnd", default))!.Plan;
        var task = plan.Tasks.Single(t => t.Id == "III.2.a");
        var lead = task.Assignments.First(a => a.Role == CoordinationBot.Core.Plans.Role.Lead).Agency;

        await stack.InChatAsync("search", async page =>
        {
            await page.GetByLabel("Trigger Message Extension App").First.ClickAsync();
            await page.GetByText("Search Command", new() { Exact = false }).First.ClickAsync();
            await page.GetByText("Specify Command ID or Parameter").ClickAsync();
            await page.GetByPlaceholder("Command ID").FillAsync("searchTasks");
            await page.GetByPlaceholder("Parameter name").FillAsync("query");
            await page.GetByPlaceholder("Enter a search term").FillAsync("so hoa ho so luu tru");
            await page.Keyboard.PressAsync("Enter");

            var result = page.GetByText("III.2.a — Kế hoạch 21/KH-UBND", new() { Exact = false }).First;
            await Assertions.Expect(result).ToBeVisibleAsync(new() { Timeout = 30_000 });
            await page.ScreenshotAsync(new() { Path = Path.Combine(AppContext.BaseDirectory, "playground-search-results.png") });
            await result.ClickAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Send Message" }).ClickAsync();

            // The task card is in the conversation: the task's text as stored, and its lead.
            var sent = page.GetByText(task.Text[..40], new() { Exact = false });
            await Assertions.Expect(sent.First).ToBeVisibleAsync(new() { Timeout = 30_000 });
            await Assertions.Expect(page.GetByText(lead, new() { Exact = true }).First).ToBeVisibleAsync();
            await page.ScreenshotAsync(new() { Path = Path.Combine(AppContext.BaseDirectory, "playground-search-sent.png") });
            // A shared card is no question: the bot does not answer it.
            await page.WaitForTimeoutAsync(2000);
            await Assertions.Expect(page.GetByText("Không tìm thấy nhiệm vụ phù hợp", new() { Exact = false })).ToHaveCountAsync(0);
        });
    }

    [Fact]
    public async Task ATaskLinkOfTheBoard_UnfurlsIntoTheTasksCard()
    {
        var plan = (await stack.BotServices.GetRequiredService<CoordinationBot.Core.Plans.Import.IPlanStore>().GetLatestAsync("21-kh-ubnd", default))!.Plan;
        var task = plan.Tasks.Single(t => t.Id == "III.2.a");
        var lead = task.Assignments.First(a => a.Role == CoordinationBot.Core.Plans.Role.Lead).Agency;

        await stack.InChatAsync("unfurl", async page =>
        {
            await page.GetByLabel("Trigger Message Extension App").First.ClickAsync();
            await page.GetByText("Link Unfurling", new() { Exact = true }).First.ClickAsync();
            await page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Textbox).FillAsync("https://coordbot.example.vn" + CoordinationBot.Host.Features.Questions.TaskLinkHandler.PathTo("21-kh-ubnd", task.Id));
            // The Playground previews the bot's answer to the link in its dialog, then sends it.
            var dialog = page.GetByRole(AriaRole.Dialog);
            await Assertions.Expect(dialog.GetByText(task.Text[..40], new() { Exact = false })).ToBeVisibleAsync(new() { Timeout = 30_000 });
            await Assertions.Expect(dialog.GetByText(lead, new() { Exact = true })).ToBeVisibleAsync();
            await page.ScreenshotAsync(new() { Path = Path.Combine(AppContext.BaseDirectory, "playground-unfurl-preview.png") });
            await dialog.GetByRole(AriaRole.Button, new() { Name = "Send to Conversation" }).ClickAsync();
            await Assertions.Expect(dialog).ToBeHiddenAsync();

            var sent = page.GetByText(task.Text[..40], new() { Exact = false });
            await Assertions.Expect(sent.First).ToBeVisibleAsync(new() { Timeout = 30_000 });
            await page.ScreenshotAsync(new() { Path = Path.Combine(AppContext.BaseDirectory, "playground-unfurl-sent.png") });
        });
    }
}
