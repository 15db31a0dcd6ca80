using System.Globalization;
using System.Text.Json.Nodes;
using CoordinationBot.Core.Plans;
using CoordinationBot.Core.Plans.Import;
using CoordinationBot.Core.StatusReports;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CoordinationBot.EndToEndTests;

/// <summary>
/// Two officers in one run, each in their own Playground: Alex Wilber of the focal agency (Sở Khoa học và Công nghệ)
/// and Megan Bowen of Sở Nội vụ; and a plan file sent in chat through the Playground's custom activity.
/// </summary>
public sealed class TwoOfficersInPlaygroundTests(TwoUserPlaygroundFixture stack) : IClassFixture<TwoUserPlaygroundFixture>
{
    [Fact]
    public async Task AnOfficerOfAnotherAgency_IsRefusedTheFocalCommands_FillsTheCardTheFocalRoundSends_AndKeepsItReadOnlyAfterTheRoundCloses()
    {
        var due = DateTime.UtcNow.AddDays(30).ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
        await stack.InTwoChatsAsync("two-officers", async (focal, officer) =>
        {
            // Rights per plan: Sở Nội vụ is not the focal agency of 21/KH-UBND; the refusal names the one that is.
            await PlaygroundFixture.SendAsync(officer, "yêu cầu báo cáo kế hoạch 21/KH-UBND năm 2026");
            await Expect(officer, "Chỉ cơ quan đầu mối của Kế hoạch 21/KH-UBND (Sở Khoa học và Công nghệ) hoặc quản trị viên được mở đợt báo cáo");
            var store = stack.BotServices.GetRequiredService<IStatusReportStore>();
            Assert.Null(await store.GetRoundAsync("21-kh-ubnd~2026-Y", default));

            await PlaygroundFixture.SendAsync(focal, $"yêu cầu báo cáo kế hoạch 21/KH-UBND năm 2026 hạn {due}");
            await Expect(focal, "Đã mở đợt báo cáo năm 2026");

            // The card for Sở Nội vụ arrives in Megan's chat, not Alex's.
            await Expect(officer, "Báo cáo tiến độ: KH 21/KH-UBND");
            var statuses = officer.GetByRole(AriaRole.Combobox);
            var percents = officer.GetByRole(AriaRole.Spinbutton);
            var count = await statuses.CountAsync();
            Assert.True(count >= 2, $"Sở Nội vụ has at least two tasks in 21/KH-UBND; the card shows {count}.");
            for (var i = 0; i < count; i++)
            {
                await statuses.Nth(i).ClickAsync();
                await officer.GetByRole(AriaRole.Option, new() { Name = "Đang thực hiện" }).ClickAsync();
                await percents.Nth(i).FillAsync("40");
            }

            await officer.Locator("textarea").First.FillAsync("Đã số hóa 40% hồ sơ lưu trữ lịch sử.");
            await officer.GetByRole(AriaRole.Button, new() { Name = "Gửi báo cáo" }).First.ClickAsync();
            await Expect(officer, "Đã ghi nhận lúc");
            var saved = await store.GetReportsAsync("21-kh-ubnd~2026-Y", "Sở Nội vụ", default);
            Assert.Equal(count, saved.Count);
            Assert.Contains(saved, r => r.Report.Result == "Đã số hóa 40% hồ sơ lưu trữ lịch sử.");

            await PlaygroundFixture.SendAsync(focal, "đóng đợt báo cáo kế hoạch 21/KH-UBND năm 2026");
            await Expect(focal, "Đã đóng đợt báo cáo năm 2026");

            // Pressing Gửi on the card after the round closed keeps the card, read-only, with what was saved.
            await officer.GetByRole(AriaRole.Button, new() { Name = "Gửi báo cáo" }).First.ClickAsync();
            await Expect(officer, "Đợt báo cáo đã đóng hoặc quá hạn; báo cáo chỉ xem được.");
            await Assertions.Expect(officer.GetByText("Đã số hóa 40% hồ sơ lưu trữ lịch sử.", new() { Exact = false }).Last).ToBeVisibleAsync();
            await Assertions.Expect(officer.GetByRole(AriaRole.Button, new() { Name = "Gửi báo cáo" })).ToHaveCountAsync(0);
            await officer.ScreenshotAsync(new() { Path = Path.Combine(AppContext.BaseDirectory, "playground-officer-closed-card.png") });
            Assert.Equal(count, (await store.GetReportsAsync("21-kh-ubnd~2026-Y", "Sở Nội vụ", default)).Count);
        });
    }

    [Fact]
    public async Task APlanThatDoesNotExist_IsRefusedByName_WithTheClosestPlansAsButtons_AndNothingIsOpened()
    {
        await stack.InTwoChatsAsync("unknown-plan", async (focal, _) =>
        {
            await PlaygroundFixture.SendAsync(focal, "yêu cầu báo cáo kế hoạch 99/KH-UBND 6 tháng đầu năm 2026");
            await Expect(focal, "Không có kế hoạch “99/KH-UBND”");
            await Assertions.Expect(focal.GetByRole(AriaRole.Button, new() { Name = "21/KH-UBND" }).First).ToBeVisibleAsync();

            await PlaygroundFixture.SendAsync(focal, "tổng hợp kế hoạch 99/KH-UBND 6 tháng đầu năm 2026");
            await Assertions.Expect(focal.GetByText("Không có kế hoạch “99/KH-UBND”", new() { Exact = false })).ToHaveCountAsync(2, new() { Timeout = 30_000 });

            var store = stack.BotServices.GetRequiredService<IStatusReportStore>();
            await foreach (var round in store.ListRoundsAsync(default))
            {
                Assert.NotEqual(PeriodKind.FirstHalf, round.Period.Kind);
            }
        });
    }

    [Fact]
    public async Task APlanFileSentInChat_IsPreviewed_AndStoredOnLưu()
    {
        await stack.InTwoChatsAsync("plan-file", async (focal, _) =>
        {
            const string file = "kh-so-noi-vu-cai-cach-hanh-chinh-2026.txt";
            await PlaygroundFixture.SendCustomActivityAsync(focal, new JsonObject
            {
                ["type"] = "message",
                ["text"] = string.Empty,
                ["attachments"] = new JsonArray(new JsonObject
                {
                    ["contentType"] = "application/vnd.microsoft.teams.file.download.info",
                    ["name"] = file,
                    ["content"] = new JsonObject
                    {
                        ["downloadUrl"] = new Uri(stack.SampleFilesUrl, "files/" + file).ToString(),
                        ["uniqueId"] = "e2e-plan-file",
                        ["fileType"] = "txt",
                    },
                }),
            });

            await Expect(focal, "Xem trước kế hoạch");
            await Expect(focal, "35/KH-SNV");
            var plans = stack.BotServices.GetRequiredService<IPlanStore>();
            Assert.Null(await FindAsync(plans, "35/KH-SNV"));
            await focal.ScreenshotAsync(new() { Path = Path.Combine(AppContext.BaseDirectory, "playground-plan-preview.png") });

            // Before Lưu, II.1's lead is corrected on the preview: the form, "Lưu sửa đổi", back to the preview.
            await focal.GetByRole(AriaRole.Textbox, new() { Name = "Sửa một nhiệm vụ trước khi lưu" }).Last.FillAsync("II.1");
            await focal.GetByRole(AriaRole.Button, new() { Name = "Sửa nhiệm vụ trước khi lưu" }).Last.ClickAsync();
            await Expect(focal, "Kế hoạch chưa được lưu: sửa đổi này được ghi lại");
            await focal.GetByRole(AriaRole.Textbox, new() { Name = "Cơ quan chủ trì" }).Last.FillAsync("Phòng Tổ chức, biên chế");
            await focal.GetByRole(AriaRole.Button, new() { Name = "Lưu sửa đổi" }).Last.ClickAsync();
            await Expect(focal, "Đã ghi sửa đổi lần 1");
            await focal.ScreenshotAsync(new() { Path = Path.Combine(AppContext.BaseDirectory, "playground-plan-correction-before-save.png") });
            Assert.Null(await FindAsync(plans, "35/KH-SNV"));
            await focal.GetByRole(AriaRole.Button, new() { Name = "Quay lại bản xem trước" }).Last.ClickAsync();
            await Expect(focal, "Đã ghi 1 sửa đổi trên bản xem trước");

            await focal.GetByRole(AriaRole.Button, new() { Name = "Lưu", Exact = true }).Last.ClickAsync();
            await Expect(focal, "Đã lưu kế hoạch");
            var stored = await FindAsync(plans, "35/KH-SNV");
            Assert.NotNull(stored);
            Assert.Equal("Phòng Tổ chức, biên chế", stored.Plan.Tasks.Single(t => t.Id == "II.1").Assignments.First(a => a.Role == CoordinationBot.Core.Plans.Role.Lead).Agency);
            Assert.Equal(3, stored.Plan.Tasks.Count(t => t.Id.StartsWith("II.", StringComparison.Ordinal)));
            Assert.Equal("Văn phòng Sở", stored.Plan.FocalAgency);
        });
    }

    private static async Task<StoredPlan?> FindAsync(IPlanStore plans, string number)
    {
        await foreach (var plan in plans.ListLatestAsync(default))
        {
            if (plan.Plan.Number == number)
            {
                return plan;
            }
        }

        return null;
    }

    private static Task Expect(IPage page, string text) =>
        Assertions.Expect(page.GetByText(text, new() { Exact = false }).Last).ToBeVisibleAsync(new() { Timeout = 30_000 });
}
