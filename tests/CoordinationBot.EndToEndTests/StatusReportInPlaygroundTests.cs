using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CoordinationBot.EndToEndTests;

public sealed class StatusReportInPlaygroundTests(PlaygroundFixture stack) : IClassFixture<PlaygroundFixture>
{
    [Fact]
    public async Task FocalOpensARound_OfficerFillsTheCard_AndSeesTheConfirmation()
    {
        await stack.InChatAsync("status", async page =>
        {
            await PlaygroundFixture.SendAsync(page, "yêu cầu báo cáo kế hoạch 21/KH-UBND năm 2026");
            await Assertions.Expect(page.GetByText("Đã mở đợt báo cáo năm 2026", new() { Exact = false }).First).ToBeVisibleAsync(new() { Timeout = 30_000 });

            // The same user works for Sở Khoa học và Công nghệ (samples/directory.json): its card arrives in this chat.
            await Assertions.Expect(page.GetByText("Báo cáo tiến độ: KH 21/KH-UBND", new() { Exact = false }).First).ToBeVisibleAsync(new() { Timeout = 30_000 });
            await page.ScreenshotAsync(new() { Path = Path.Combine(AppContext.BaseDirectory, "playground-status-card.png"), FullPage = true });

            // Sở Khoa học và Công nghệ's tasks in plan 21/KH-UBND — four named, and those of "các sở, ban, ngành": one
            // status and one percentage each.
            var plan = (await stack.BotServices.GetRequiredService<CoordinationBot.Core.Plans.Import.IPlanStore>().GetLatestAsync("21-kh-ubnd", default))!.Plan;
            var count = stack.BotServices.GetRequiredService<CoordinationBot.Core.Plans.PlanReporters>().TasksOf(plan, "Sở Khoa học và Công nghệ").Count;
            Assert.True(count > plan.Tasks.Count(t => t.Assignments.Any(a => a.Agency == "Sở Khoa học và Công nghệ")));
            var statuses = page.GetByRole(AriaRole.Combobox);
            var percents = page.GetByRole(AriaRole.Spinbutton);
            await Assertions.Expect(statuses).ToHaveCountAsync(count);
            for (var i = 0; i < count; i++)
            {
                await statuses.Nth(i).ClickAsync();
                await page.GetByRole(AriaRole.Option, new() { Name = "Hoàn thành" }).ClickAsync();
                await percents.Nth(i).FillAsync("100");
            }

            await page.Locator("textarea").First.FillAsync("Đã nâng cấp hệ thống và tổ chức tập huấn.");
            await page.GetByRole(AriaRole.Button, new() { Name = "Gửi báo cáo" }).First.ClickAsync();

            await Assertions.Expect(page.GetByText("Đã ghi nhận lúc", new() { Exact = false }).First).ToBeVisibleAsync(new() { Timeout = 30_000 });
            await page.ScreenshotAsync(new() { Path = Path.Combine(AppContext.BaseDirectory, "playground-status-saved.png") });

            var store = stack.BotServices.GetRequiredService<CoordinationBot.Core.StatusReports.IStatusReportStore>();
            var saved = await store.GetReportsAsync("21-kh-ubnd~2026-Y", "Sở Khoa học và Công nghệ", default);
            Assert.Equal(count, saved.Count);
            Assert.All(saved, r => Assert.Equal(CoordinationBot.Core.StatusReports.ProgressStatus.Done, r.Report.Status));
            Assert.Contains(saved, r => r.Report.Result == "Đã nâng cấp hệ thống và tổ chức tập huấn.");
        });
    }
}
