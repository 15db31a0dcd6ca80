using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using CoordinationBot.Core.Agencies;
using CoordinationBot.Core.Commands;
using CoordinationBot.Core.Consolidation;
using CoordinationBot.Core.People;
using CoordinationBot.Core.Plans.Import;
using CoordinationBot.Core.Questions;
using CoordinationBot.Core.StatusReports;
using CoordinationBot.Host.Features.StatusReports;
using CoordinationBot.Host.Cards;
using CoordinationBot.Host.Features.Deliveries;
using CoordinationBot.IntegrationTests.Fixtures;
using CoordinationBot.Testing;
using Microsoft.Extensions.DependencyInjection;
using CoordinationBot.Host.Features.Consolidation;
using CoordinationBot.Host.Features.Escalation;
using CoordinationBot.Host.Features.Help;
using CoordinationBot.Host.Features.People;
using CoordinationBot.Host.Features.Plans;
using CoordinationBot.Host.Features.Questions;

namespace CoordinationBot.IntegrationTests.Bot;

/// <summary>
/// Every card the bot can send, built by the real card builders from real stored data, parsed by the official Adaptive
/// Cards library (tools/check-cards.js, npm "adaptivecards" 3.0.6): version 1.5 and not one parse or validation event.
/// </summary>
[Collection(AzuriteGroup.Name)]
public sealed class CardSchemaTests(AzuriteFixture azurite)
{
    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    [Fact]
    public async Task EveryCardTheBotSends_ParsesWithTheOfficialLibrary_WithoutAProblem()
    {
        await using var context = await BotTestContext.StartAsync(azurite, new BotHostSettings(Configuration: new Dictionary<string, string?> { ["Delivery:Enabled"] = "false" }));
        using var scope = context.Host.Services.CreateScope();
        var services = scope.ServiceProvider;
        var bytes = await File.ReadAllBytesAsync(SharedData.Require("seeds", "000_6f683b4a1ed7a171.txt"));
        var stored = (await services.GetRequiredService<ImportPlanHandler>().HandleAsync(new ImportPlanRequest(bytes, "dnnd.txt", "t"), default)).Plan!;
        var catalog = await services.GetRequiredService<PlanCatalogSource>().GetAsync(default);
        var store = services.GetRequiredService<IStatusReportStore>();
        var round = new ReportingRound(ReportingRound.IdFor(stored.Key, ReportingPeriod.WholeYear(2026)), stored.Key, stored.Version, ReportingPeriod.WholeYear(2026), new DateOnly(2099, 1, 1), "t", DateTimeOffset.UtcNow, RoundState.Open, "Đề nghị gửi **đúng hạn** [tại đây](https://x.example).", TeamsActivities.TenantId);
        await store.AddRoundAsync(round, default);
        var builder = services.GetRequiredService<StatusCardQuery>();
        var empty = (await builder.LoadAsync(round.Id, "Sở Tài chính", null, false, default))!;
        await store.SaveReportsAsync([new StatusReport(round.Id, "Sở Tài chính", "IV.4.a", ProgressStatus.Blocked, 40, "Đã bố trí.", "Thiếu kinh phí.", "Bổ sung.", "cán bộ", DateTimeOffset.UtcNow)], new Dictionary<string, string?> { ["IV.4.a"] = null }, null, null, default);
        var saved = (await builder.LoadAsync(round.Id, "Sở Tài chính", "Đã ghi nhận.", false, default))!;
        var warning = (await builder.LoadAsync(round.Id, "Sở Tài chính", "Nhiệm vụ IV.4.a vừa được người khác cập nhật.", true, default))!;
        var summary = (await services.GetRequiredService<ConsolidateHandler>().SummarizeAsync(round, default))!;
        var ask = services.GetRequiredService<AskHandler>();

        var cards = new JsonObject
        {
            ["help"] = HelpCard.Create(CommandCatalog.Default, Vietnamese),
            ["answer-task"] = AnswerCard.Create(ask.Handle(catalog, new AskRequest("ai chủ trì bố trí kinh phí?", null)), Vietnamese),
            ["answer-duties"] = AnswerCard.Create(ask.Handle(catalog, new AskRequest("Sở Tài chính có nhiệm vụ gì?", null)), Vietnamese, "Danh bạ tạm thời không truy cập được."),
            ["answer-none"] = AnswerCard.Create(ask.Handle(catalog, new AskRequest("thời tiết hôm nay", null)), Vietnamese),
            ["agency-picker"] = AgencyPickerCard.Create(AgencyRegistry.Default, Vietnamese, "Bạn thuộc cơ quan nào?"),
            ["plan-preview"] = PlanPreviewCard.Create(stored.Plan, "pending-1", Vietnamese),
            ["plan-preview-corrected"] = PlanPreviewCard.Create(stored.Plan, "pending-1", Vietnamese, corrections: 2, note: "Tệp này không có nhiệm vụ số IX.9."),
            ["open-round"] = OpenRoundCard.Create(catalog, new DateOnly(2026, 12, 1), Vietnamese),
            ["explanation"] = ExplanationCard.Create("r~2026-Y", "Sở Tài chính chưa gửi báo cáo năm 2026 của kế hoạch 21/KH-UBND; hạn 15/12/2026 đã qua 3 ngày.", new DateOnly(2026, 12, 18), Vietnamese),
            ["explanation-problem"] = ExplanationCard.Create("r~2026-Y", "Sở Tài chính chưa gửi báo cáo.", new DateOnly(2026, 12, 18), Vietnamese, "Hãy nêu lý do chưa gửi báo cáo.", true, "", "2026-12-10"),
            ["status-empty"] = StatusCard.Create(empty, Vietnamese),
            ["status-saved"] = StatusCard.Create(saved, Vietnamese),
            ["status-warning"] = StatusCard.Create(warning, Vietnamese),
            ["status-read-only"] = StatusCard.Create(saved with { Editable = false }, Vietnamese),
            ["status-chain"] = StatusCard.Create(saved with
            {
                Round = round with { Mode = ReportingMode.SupportsToLead },
                Contributions = new Dictionary<string, TaskContributions> { ["IV.4.a"] = new("IV.4.a", [new StatusReport(round.Id, "Sở Ngoại vụ", "IV.4.a", ProgressStatus.Done, 100, "Đã gửi **dự toán**.", string.Empty, string.Empty, "cán bộ", DateTimeOffset.UtcNow)], ["Sở Y tế"]) },
            }, Vietnamese),
            ["status-draft"] = StatusCard.Create(saved with
            {
                Filled = new Dictionary<string, StatusEntry> { ["IV.4.a"] = new("IV.4.a", "InProgress", null, "Đang **tổng hợp**.", null, null, null) },
                Draft = new StatusDraft(round.Id, "Sở Tài chính", [], "Nguyễn Văn A", DateTimeOffset.UtcNow),
            }, Vietnamese),
            ["status-returned"] = StatusCard.Create(saved with { Returned = new ReportReturn(round.Id, "Sở Tài chính", "Bổ sung **số liệu** [tại đây](https://x.example).", "aad-1", "Nguyễn Văn A", "Sở Ngoại vụ", DateTimeOffset.UtcNow) }, Vietnamese),
            ["consolidation-returned"] = ConsolidationCard.Create(summary with { ReturnedReports = [new ReportReturn(round.Id, "Sở Tài chính", "Bổ sung.", "aad-1", null, "Sở Ngoại vụ", DateTimeOffset.UtcNow)] }, new Uri("https://bot.example/files/a.docx"), new Uri("https://bot.example/files/a.xlsx"), TimeSpan.FromMinutes(15), Vietnamese),
            ["consolidation"] = ConsolidationCard.Create(summary, new Uri("https://bot.example/files/a.docx"), new Uri("https://bot.example/files/a.xlsx"), TimeSpan.FromMinutes(15), Vietnamese),
            ["consolidation-evidence-explained"] = ConsolidationCard.Create(
                summary with
                {
                    EvidenceFiles = [.. Enumerable.Range(1, 12).Select(i => new CoordinationBot.Core.Evidence.EvidenceFile(round.Id, "Sở Tài chính", "IV.4.a", $"f{i}.pdf", $"bien-ban-[{i}](x).pdf", 1024, "aad-1", null, DateTimeOffset.UtcNow.AddMinutes(i)))],
                    Explanations = [new CoordinationBot.Core.Escalation.Explanation(round.Id, "Sở Y tế", "Chờ số liệu.", new DateOnly(2026, 12, 22), "aad-2", null, DateTimeOffset.UtcNow)],
                },
                new Uri("https://bot.example/files/a.docx"), new Uri("https://bot.example/files/a.xlsx"), TimeSpan.FromMinutes(15), Vietnamese, id => new Uri("https://bot.example/files/" + id)),
            ["notice"] = NoticeCard.Create("Không tìm thấy đợt báo cáo này."),
            ["confirm-agencies"] = AgencyConfirmationCard.Create([("aad-1", new AgencyChoice("Sở Ngoại vụ", "aad-1", "Nguyễn Văn **A**"))], Vietnamese, "Đã xác nhận."),
            ["confirm-none"] = AgencyConfirmationCard.Create([], Vietnamese, null),
            ["answer-many"] = AnswerCard.Create(ManyTasks(8), Vietnamese),
            ["plan-choice"] = PlanChoiceCard.Create("Không có kế hoạch “99/KH-UBND” trong danh sách đã nhập.", [("Kế hoạch 21/KH-UBND", "yêu cầu báo cáo kế hoạch 21/KH-UBND năm 2026")]),
            ["rounds"] = RoundsCard.Create([new RoundRow(round, stored.Plan, 1, 7), new RoundRow(round with { State = RoundState.Closed }, stored.Plan, 7, 7)], Vietnamese).Card,
            ["failure-notice"] = (await services.GetRequiredService<FailureNotices>().CardAsync(round.Id, default))!.Value.Card,
            ["task-correction"] = TaskCorrectionCard.Create(stored, stored.Plan.Tasks[0], false, [new CoordinationBot.Core.Plans.Corrections.PlanCorrection(stored.Key, 1, stored.Plan.Tasks[0].Id, new CoordinationBot.Core.Plans.Corrections.TaskChange(Lead: ["Sở Y tế"], Due: new DateOnly(2026, 6, 30), NotATask: false), "aad-1", "Nguyễn Văn **A**", "Sở Ngoại vụ", DateTimeOffset.UtcNow)], "Đã lưu sửa đổi lần 1.", false, Vietnamese),
            ["task-search-result"] = AnswerCard.ForTask(ask.Search(catalog, "Sở Tài chính", 3).Tasks[0], Vietnamese),
            ["task-correction-problem"] = TaskCorrectionCard.Create(stored, stored.Plan.Tasks[0], true, [], "Thời hạn không hợp lệ.", true, Vietnamese),
            ["task-correction-before-save"] = TaskCorrectionCard.Create(stored, stored.Plan.Tasks[0], false, [], null, false, Vietnamese, "pending-1"),
        };

        var results = await CheckAsync(cards);

        Assert.Equal(cards.Count, results.Count);
        foreach (var (name, result) in results)
        {
            Assert.True(result!["version"]?.GetValue<string>() == "1.5", $"{name}: version {result["version"]}");
            Assert.True(result["problems"]!.AsArray().Count == 0, $"{name}: {result["problems"]!.ToJsonString()}");
        }
    }

    private static async Task<JsonObject> CheckAsync(JsonObject cards)
    {
        var input = Path.Combine(Path.GetTempPath(), $"coordbot-cards-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(input, cards.ToJsonString());
        var script = Path.Combine(RepositoryPaths.Root, "tools", "check-cards.js");
        var library = Path.Combine(RepositoryPaths.Root, "node_modules", "adaptivecards", "dist", "adaptivecards.js");
        Assert.True(File.Exists(library), $"{library} is missing: run ./test.sh (it runs 'npm ci').");
        var info = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(script);
        info.ArgumentList.Add(input);
        using var process = Process.Start(info)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        File.Delete(input);
        Assert.True(process.ExitCode == 0, error);
        return JsonNode.Parse(output)!.AsObject();
    }

    [Fact]
    public void AnAnswerWithMoreTasksThanItShows_HasTheRestOnTheCard_BehindXemThem()
    {
        var card = AnswerCard.Create(ManyTasks(8), Vietnamese);

        var body = card["body"]!.AsArray();
        var toggle = body.Single(b => b?["type"]?.GetValue<string>() == "ActionSet")!["actions"]![0]!;
        var hidden = body.Single(b => b?["id"]?.GetValue<string>() == "more-tasks")!;
        Assert.Equal("Action.ToggleVisibility", toggle["type"]!.GetValue<string>());
        Assert.Equal("Xem thêm 3 nhiệm vụ", toggle["title"]!.GetValue<string>());
        Assert.False(hidden["isVisible"]!.GetValue<bool>());
        Assert.Equal(["T6", "T7", "T8"], hidden["items"]!.AsArray().Select(i => i!["items"]![0]!["text"]!.GetValue<string>().Split(" — ")[1]));
    }

    private static Answer ManyTasks(int count) =>
        new(QuestionIntent.AgencyDuties, true, "…", [.. Enumerable.Range(1, count).Select(i => new AnswerTask("kh", "KH 21/KH-UBND", "T" + i, "Nhiệm vụ " + i, ["Sở Nội vụ"], [], null))], ["kh"]);
}
