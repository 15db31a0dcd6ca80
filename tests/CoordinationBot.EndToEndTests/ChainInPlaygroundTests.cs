using System.Globalization;
using CoordinationBot.Core.StatusReports;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CoordinationBot.EndToEndTests;

/// <summary>
/// The lead and support chain in two Playgrounds: in 21/KH-UBND, Sở Khoa học và Công nghệ (Alex) leads III.1.b and Sở Nội
/// vụ (Megan) supports it. In a round opened "phối hợp gửi chủ trì", Megan's part reaches Alex's chat on his card.
/// </summary>
public sealed class ChainInPlaygroundTests(TwoUserPlaygroundFixture stack) : IClassFixture<TwoUserPlaygroundFixture>
{
    private const string Part = "Sở Nội vụ đã rà soát quy trình nội bộ cho III.1.b.";

    [Fact]
    public async Task ASupportsPart_ReachesTheLeadsCard_InTheLeadsChat()
    {
        var due = DateTime.UtcNow.AddDays(30).ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
        await stack.InTwoChatsAsync("chain", async (lead, support) =>
        {
            await PlaygroundFixture.SendAsync(lead, $"yêu cầu báo cáo kế hoạch 21/KH-UBND đột xuất hạn {due}, phối hợp gửi chủ trì");
            await Expect(lead, "cơ quan phối hợp gửi phần việc cho cơ quan chủ trì");

            // Megan's card says where her part goes; she fills it and sends it.
            await Expect(support, "Phần việc phối hợp: gửi tới cơ quan chủ trì (Sở Khoa học và Công nghệ)");
            var card = support.Locator(".ac-adaptiveCard").Filter(new() { HasText = "Phần việc phối hợp" }).Last;
            var statuses = card.GetByRole(AriaRole.Combobox);
            var percents = card.GetByRole(AriaRole.Spinbutton);
            for (var i = 0; i < await statuses.CountAsync(); i++)
            {
                await statuses.Nth(i).ClickAsync();
                await support.GetByRole(AriaRole.Option, new() { Name = "Đang thực hiện" }).ClickAsync();
                await percents.Nth(i).FillAsync("30");
            }

            await card.Locator("textarea").First.FillAsync(Part);
            await card.GetByRole(AriaRole.Button, new() { Name = "Gửi báo cáo" }).ClickAsync();
            await Expect(support, "Đã ghi nhận lúc");

            // Alex's card comes into his chat with Megan's part on the task he leads.
            await Expect(lead, "Sở Nội vụ đã gửi phần việc phối hợp");
            var part = lead.GetByText(Part, new() { Exact = false }).Last;
            await Assertions.Expect(part).ToBeVisibleAsync(new() { Timeout = 30_000 });
            await part.ScrollIntoViewIfNeededAsync();
            await lead.ScreenshotAsync(new() { Path = Path.Combine(AppContext.BaseDirectory, "playground-chain-lead-card.png") });
            var store = stack.BotServices.GetRequiredService<IStatusReportStore>();
            var round = await store.ListOpenRoundsAsync(default).SingleAsync(r => r.IsChain);
            Assert.Contains(await store.GetReportsAsync(round.Id, "Sở Nội vụ", default), r => r.Report.Result == Part);
        });
    }

    private static Task Expect(IPage page, string text) =>
        Assertions.Expect(page.GetByText(text, new() { Exact = false }).Last).ToBeVisibleAsync(new() { Timeout = 30_000 });
}
