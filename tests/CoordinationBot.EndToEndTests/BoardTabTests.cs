using System.Text.Json;
using CoordinationBot.Core.Plans.Import;
using CoordinationBot.Core.StatusReports;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace CoordinationBot.EndToEndTests;

/// <summary>
/// The "Bảng theo dõi" tab in headless Chromium against the running host and Azurite (development sign-in on loopback,
/// as run.sh serves it): the focal agency's board shows what storage holds and draws its chart; an officer of another
/// agency, on a phone-sized screen, sees only their agency; a forged token gets 401 and no data.
/// </summary>
public sealed class BoardTabTests(TabFixture stack, ITestOutputHelper output) : IClassFixture<TabFixture>
{
    private const string Alex = PlaygroundFixture.PlaygroundUser;
    private const string Megan = PlaygroundFixture.SecondUser;

    [Fact]
    public async Task TheFocalAgencysBoard_ShowsWhatStorageHolds_DrawsTheChart_AndAnOfficerSeesOnlyTheirAgency()
    {
        var round = await SeedAsync();
        var stored = await stack.BotServices.GetRequiredService<IStatusReportStore>().GetAllReportsAsync(round.Id, default);

        await InTabAsync("focal", new ViewportSize { Width = 1280, Height = 900 }, Alex, async (page, load) =>
        {
            var board = page.Locator("article.board");
            Assert.Equal("whole", await board.GetAttributeAsync("data-scope"));
            output.WriteLine($"first load: {load.Bytes / 1024.0:0.0} KB in {load.Requests} requests, board shown after {load.Elapsed.TotalMilliseconds:0} ms");
            var rows = page.Locator(".chart .row");
            var count = await rows.CountAsync();
            Assert.True(count >= 4, $"{count} agencies on the chart");
            var reportedOnPage = 0;
            for (var i = 0; i < count; i++)
            {
                var row = rows.Nth(i);
                var agency = (await row.GetAttributeAsync("data-agency"))!;
                var reported = int.Parse((await row.GetAttributeAsync("data-reported"))!, System.Globalization.CultureInfo.InvariantCulture);
                Assert.Equal(stored.Count(r => r.Agency == agency), reported);
                reportedOnPage += reported;
                // The bar is drawn: its reported part as wide as the share.
                var width = double.Parse((await row.Locator("svg rect.reported").GetAttributeAsync("width"))!, System.Globalization.CultureInfo.InvariantCulture);
                Assert.Equal(reported > 0, width > 0);
                Assert.True(await row.Locator("svg").BoundingBoxAsync() is { Width: > 100, Height: > 10 });
            }

            Assert.Equal(stored.Count, reportedOnPage);
            Assert.StartsWith($"{stored.Count}/", await page.Locator("[data-tile=parts-reported] .n").TextContentAsync(), StringComparison.Ordinal);
            Assert.Equal(stored.Count(r => r.Status == ProgressStatus.Blocked).ToString(System.Globalization.CultureInfo.InvariantCulture), await page.Locator("[data-tile=status-Blocked] .n").TextContentAsync());
            await Assertions.Expect(page.Locator("[data-list=overdue-agencies]")).ToContainTextAsync("Sở Tài chính");
            await Assertions.Expect(page.Locator("[data-list=difficulties]")).ToContainTextAsync("Thiếu máy chủ lưu trữ");
            await page.ScreenshotAsync(new() { Path = Path.Combine(AppContext.BaseDirectory, "tab-board-focal.png"), FullPage = true });

            // The agency filter narrows the board to one agency.
            await page.GetByLabel("Cơ quan", new() { Exact = true }).SelectOptionAsync("Sở Nội vụ");
            await Assertions.Expect(page.Locator(".chart .row")).ToHaveCountAsync(1);
            Assert.Equal("Sở Nội vụ", await page.Locator(".chart .row").GetAttributeAsync("data-agency"));

            // The documents of the round, behind signed links.
            await page.GetByLabel("Cơ quan", new() { Exact = true }).SelectOptionAsync(string.Empty);
            await page.GetByRole(AriaRole.Button, new() { Name = "Tạo báo cáo Word và bảng Excel" }).ClickAsync();
            var word = page.GetByRole(AriaRole.Link, new() { Name = "Tải báo cáo (Word)" });
            await Assertions.Expect(word).ToBeVisibleAsync(new() { Timeout = 30_000 });
            var download = await page.APIRequest.GetAsync((await word.GetAttributeAsync("href"))!);
            Assert.Equal(200, download.Status);
            Assert.Equal([0x50, 0x4B], (await download.BodyAsync())[..2]);
        });

        await InTabAsync("phone", new ViewportSize { Width = 390, Height = 844 }, Megan, async (page, _) =>
        {
            Assert.Equal("agency", await page.Locator("article.board").GetAttributeAsync("data-scope"));
            await Assertions.Expect(page.Locator(".chart .row")).ToHaveCountAsync(1);
            Assert.Equal("Sở Nội vụ", await page.Locator(".chart .row").GetAttributeAsync("data-agency"));
            await Assertions.Expect(page.Locator("[data-list=difficulties]")).ToContainTextAsync("Thiếu máy chủ lưu trữ");
            await Assertions.Expect(page.GetByText("Chưa có chữ ký số", new() { Exact = false })).ToHaveCountAsync(0);
            await Assertions.Expect(page.Locator("[data-download]")).ToHaveCountAsync(0);
            await Assertions.Expect(page.GetByLabel("Cơ quan", new() { Exact = true })).ToBeHiddenAsync();
            // Nothing wider than the phone.
            Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), "the board fits a phone's width");
            await page.ScreenshotAsync(new() { Path = Path.Combine(AppContext.BaseDirectory, "tab-board-phone.png"), FullPage = true });

            // Asking the server for another agency's part is refused, by the focal agency's name.
            var other = await FetchAsync(page, $"/api/board/view?round={Uri.EscapeDataString(round.Id)}&agency={Uri.EscapeDataString("Sở Khoa học và Công nghệ")}", "Development " + Megan);
            Assert.Equal(403, other.Status);
            Assert.Contains("Sở Khoa học và Công nghệ theo dõi", other.Body, StringComparison.Ordinal);
            var forged = await FetchAsync(page, $"/api/board/view?round={Uri.EscapeDataString(round.Id)}", "Bearer eyJhbGciOiJSUzI1NiJ9.eyJvaWQiOiJ4In0.c2ln");
            Assert.Equal(401, forged.Status);
            Assert.DoesNotContain("Sở Nội vụ", forged.Body, StringComparison.Ordinal);

            // A task's link (the one a message unfurls) opens the plan's board with that task marked.
            await page.GetByRole(AriaRole.Link, new() { Name = "III.2.a", Exact = true }).ClickAsync();
            await page.WaitForURLAsync(url => url.EndsWith("/tab?plan=21-kh-ubnd&task=III.2.a", StringComparison.Ordinal));
            await page.GetByLabel("Người dùng").SelectOptionAsync(Megan);
            await page.GetByRole(AriaRole.Button, new() { Name = "Đăng nhập" }).ClickAsync();
            await Assertions.Expect(page.Locator("tr.linked")).ToHaveAttributeAsync("data-task", "III.2.a");
        });
    }

    /// <summary>A round of 21/KH-UBND due yesterday; three agencies reported (one part blocked), the others did not.</summary>
    private async Task<ReportingRound> SeedAsync()
    {
        var services = stack.BotServices;
        var plan = (await services.GetRequiredService<IPlanStore>().GetLatestAsync("21-kh-ubnd", default))!;
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7));
        var period = ReportingPeriod.WholeYear(today.Year);
        var round = new ReportingRound(ReportingRound.IdFor(plan.Key, period), plan.Key, plan.Version, period, today.AddDays(-1), Alex, DateTimeOffset.UtcNow, RoundState.Open, null);
        var store = services.GetRequiredService<IStatusReportStore>();
        await store.AddRoundAsync(round, default);
        var reports = new (string Agency, string Task, ProgressStatus Status, int Percent, string Difficulties)[]
        {
            ("Sở Khoa học và Công nghệ", "III.1.a", ProgressStatus.Done, 100, string.Empty),
            ("Sở Khoa học và Công nghệ", "III.1.b", ProgressStatus.InProgress, 60, "Chưa có chữ ký số cho cán bộ xã"),
            ("Sở Nội vụ", "III.2.a", ProgressStatus.Blocked, 30, "Thiếu máy chủ lưu trữ hồ sơ số"),
            ("Công an tỉnh", "III.4.b", ProgressStatus.Done, 100, string.Empty),
        };
        foreach (var (agency, task, status, percent, difficulties) in reports)
        {
            var report = new StatusReport(round.Id, agency, task, status, percent, "Đã triển khai theo kế hoạch", difficulties, string.Empty, agency, DateTimeOffset.UtcNow.AddDays(-2));
            await store.SaveReportsAsync([report], new Dictionary<string, string?> { [task] = null }, $"{agency}-{task}", null, default);
        }

        return round;
    }

    /// <summary>Opens the tab, signs in as <paramref name="user"/> (the development sign-in) and waits for the board; on failure keeps a screenshot.</summary>
    private async Task InTabAsync(string name, ViewportSize viewport, string user, Func<IPage, FirstLoad, Task> steps)
    {
        await using var context = await stack.Browser.NewContextAsync(new BrowserNewContextOptions { Locale = "vi-VN", ViewportSize = viewport });
        var page = await context.NewPageAsync();
        // Collected as they finish, measured while the page is open (an event handler that awaits could outlive the page).
        var finished = new System.Collections.Concurrent.ConcurrentQueue<IRequest>();
        page.RequestFinished += (_, request) => finished.Enqueue(request);
        try
        {
            await page.GotoAsync(new Uri(stack.BotUrl, "tab").ToString());
            await page.GetByLabel("Người dùng").SelectOptionAsync(user);
            var started = DateTime.UtcNow;
            await page.GetByRole(AriaRole.Button, new() { Name = "Đăng nhập" }).ClickAsync();
            await Assertions.Expect(page.Locator("article.board")).ToBeVisibleAsync(new() { Timeout = 30_000 });
            var elapsed = DateTime.UtcNow - started;
            long bytes = 0;
            foreach (var request in finished)
            {
                bytes += (await request.SizesAsync()).ResponseBodySize;
            }

            await steps(page, new FirstLoad(bytes, finished.Count, elapsed));
        }
        catch (Exception exception)
        {
            var screenshot = $"tab-{name}-failure.png";
            await page.ScreenshotAsync(new() { Path = Path.Combine(AppContext.BaseDirectory, screenshot), FullPage = true });
            throw new InvalidOperationException($"Tab failure; screenshot in {screenshot}.", exception);
        }
    }

    private static async Task<(int Status, string Body)> FetchAsync(IPage page, string path, string authorization)
    {
        var result = await page.EvaluateAsync<JsonElement>(
            "async ([path, auth]) => { const r = await fetch(path, { headers: { Authorization: auth } }); return { status: r.status, body: await r.text() }; }",
            new[] { path, authorization });
        return (result.GetProperty("status").GetInt32(), result.GetProperty("body").GetString() ?? string.Empty);
    }

    private sealed record FirstLoad(long Bytes, int Requests, TimeSpan Elapsed);
}
