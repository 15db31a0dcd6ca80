using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CoordinationBot.Core.Escalation;
using CoordinationBot.Core.StatusReports;
using CoordinationBot.Host.Features.Reminders;
using CoordinationBot.IntegrationTests.Fixtures;
using CoordinationBot.Testing;
using DocumentFormat.OpenXml.Packaging;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CoordinationBot.IntegrationTests.Bot;

/// <summary>
/// Escalation on a clock the test moves, over the wire on Azurite: the day after the due date the late agencies'
/// officers and leaders (by the directory's job title) are told; after the round's days for explanations they get the
/// "giải trình" card; what they explain is checked, kept and shown in the consolidation.
/// </summary>
[Collection(AzuriteGroup.Name)]
public sealed class EscalationTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const string Focal = "00000000-0000-0000-0000-0000000000f0";
    private const string ForeignOfficer = "00000000-0000-0000-0000-0000000000a2";
    private const string FinanceOfficer = "00000000-0000-0000-0000-0000000000b1";
    private const string FinanceDirector = "00000000-0000-0000-0000-0000000000b2";
    private const string RoundId = "kh-2026-thuc-hien-chuong-trinh-hanh-dong-so-18-ctr-tu-ngay-1-eda8b0b041c3b260~2026-Y";
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 12, 14, 1, 0, 0, TimeSpan.Zero));
    private BotTestContext context = null!;

    public async Task InitializeAsync()
    {
        context = await BotTestContext.StartAsync(azurite, new BotHostSettings(
            Importers: [Focal],
            Directory: new Dictionary<string, string>
            {
                [ForeignOfficer] = "Sở Ngoại vụ", [FinanceOfficer] = "Sở Tài chính", [FinanceDirector] = "Sở Tài chính", [Focal] = "Văn phòng Ủy ban nhân dân tỉnh",
            },
            JobTitles: new Dictionary<string, string> { [FinanceOfficer] = "Chuyên viên", [FinanceDirector] = "Giám đốc Sở Tài chính" },
            Clock: clock));
        await Conversation.ImportSeedPlanAsync(context, Focal);
        await Conversation.InstallAsync(context, (ForeignOfficer, "a:foreign"), (FinanceOfficer, "a:finance"), (FinanceDirector, "a:director"), (Focal, "a:focal"));
        var message = TeamsActivities.Message(context.Connector.ServiceUrl, "yêu cầu báo cáo kế hoạch đối ngoại nhân dân năm 2026 giải trình sau 2 ngày", conversationId: "a:focal");
        message["from"] = new JsonObject { ["id"] = "29:focal", ["aadObjectId"] = Focal };
        await context.Client.PostAsJsonAsync("/api/messages", message);
        await WaitForAsync(r => r.Activity?.Conversation?.Id is "a:finance" && r.Activity.Summary!.StartsWith("Báo cáo tiến độ", StringComparison.Ordinal), 1);
    }

    public async Task DisposeAsync() => await context.DisposeAsync();

    [Fact]
    public async Task LateAgencies_AreToldWithTheirLeaders_ThenAskedToExplain_AndTheExplanationReachesTheConsolidation()
    {
        var store = context.Host.Services.GetRequiredService<IStatusReportStore>();
        Assert.Equal((new DateOnly(2026, 12, 15), 2), ((await store.GetRoundAsync(RoundId, default))!.Due, (await store.GetRoundAsync(RoundId, default))!.ExplainAfterDays));
        await store.SaveReportsAsync([new StatusReport(RoundId, "Sở Ngoại vụ", "IV.4.a", ProgressStatus.Done, 100, "Xong", "", "", "cán bộ", clock.GetUtcNow())], new Dictionary<string, string?> { ["IV.4.a"] = null }, null, null, default);
        var scheduler = context.Host.Services.GetRequiredService<ReminderScheduler>();

        // The day after the due date: Sở Tài chính's officers are told, and its director as its leader; Sở Ngoại vụ reported.
        clock.Advance(TimeSpan.FromDays(2));
        context.Connector.Requests.Clear();
        var first = await scheduler.RunOnceAsync(default);
        var again = await scheduler.RunOnceAsync(default);
        Assert.Equal(0, again);
        var leader = (await WaitForAsync(r => r.Activity?.Conversation?.Id == "a:director" && Text(r).StartsWith("Kính gửi", StringComparison.Ordinal), 1))[0];
        Assert.StartsWith("Kính gửi đồng chí Giám đốc Sở Tài chính: Sở Tài chính chưa gửi báo cáo", Text(leader), StringComparison.Ordinal);
        Assert.Contains("hạn 15/12/2026 đã qua 1 ngày", Text(leader), StringComparison.Ordinal);
        Assert.EndsWith("gửi báo cáo hoặc giải trình với Sở Ngoại vụ.", Text(leader), StringComparison.Ordinal);
        var officer = await WaitForAsync(r => r.Activity?.Conversation?.Id == "a:finance" && Text(r).StartsWith("Quá hạn báo cáo: Sở Tài chính", StringComparison.Ordinal), 1);
        Assert.Contains("đã qua 1 ngày", Text(officer[0]), StringComparison.Ordinal);
        await Task.Delay(1000);
        Assert.DoesNotContain(context.Connector.Requests, r => r.Activity?.Conversation?.Id == "a:finance" && Text(r).StartsWith("Kính gửi", StringComparison.Ordinal));
        Assert.DoesNotContain(context.Connector.Requests, r => r.Activity?.Conversation?.Id == "a:foreign" && Text(r).StartsWith("Quá hạn báo cáo", StringComparison.Ordinal));
        Assert.True(first >= 3, $"{first} queued");

        // Two days after (the round's own days): the explanation card, to Sở Tài chính's chats, not to Sở Ngoại vụ's.
        clock.Advance(TimeSpan.FromDays(1));
        context.Connector.Requests.Clear();
        await scheduler.RunOnceAsync(default);
        var card = (await WaitForAsync(r => r.Activity?.Conversation?.Id == "a:finance" && Verb(r) == "report.explain", 1))[0].Activity!.Attachments![0].Content!.AsObject();
        Assert.Contains("đã qua 2 ngày", card.ToJsonString(Readable), StringComparison.Ordinal);
        await Task.Delay(1000);
        Assert.DoesNotContain(context.Connector.Requests, r => r.Activity?.Conversation?.Id == "a:foreign" && Verb(r) == "report.explain");
        // The overdue notices, due every day after the due date (a missed day is caught up), went once.
        Assert.DoesNotContain(context.Connector.Requests, r => Text(r).StartsWith("Kính gửi", StringComparison.Ordinal) || Text(r).StartsWith("Quá hạn báo cáo", StringComparison.Ordinal));

        // What is pressed is checked: the reason, the date, the round; the agency is the sender's, not the card's.
        var empty = await PressAsync(FinanceOfficer, card, reason: " ", date: "2026-12-22");
        var past = await PressAsync(FinanceOfficer, card, reason: "Chờ số liệu của các xã.", date: "2026-12-10");
        var forged = card.DeepClone().AsObject();
        forged["actions"]![0]!["data"]!["roundId"] = "nope~2026-Y";
        var unknownRound = await PressAsync(FinanceOfficer, forged, reason: "Chờ số liệu.", date: "2026-12-22");
        var stranger = await PressAsync("00000000-0000-0000-0000-0000000000ee", card, reason: "Chờ số liệu.", date: "2026-12-22");
        Assert.Equal("Hãy nêu lý do chưa gửi báo cáo.", StatusCardForms.NoteOf(empty));
        Assert.StartsWith("Ngày sẽ gửi báo cáo phải là một ngày có thật", StatusCardForms.NoteOf(past), StringComparison.Ordinal);
        Assert.Equal("Chờ số liệu của các xã.", Input(past, ExplainInputs.Reason));
        Assert.StartsWith("Chưa có đợt báo cáo này", StatusCardForms.NoteOf(unknownRound), StringComparison.Ordinal);
        Assert.StartsWith("Chưa xác định được cơ quan của bạn", StatusCardForms.NoteOf(stranger), StringComparison.Ordinal);
        var explanations = context.Host.Services.GetRequiredService<IExplanationStore>();
        Assert.Empty(await explanations.ListAsync(RoundId, default));

        var saved = await PressAsync(FinanceOfficer, card, reason: "Chờ số liệu của các xã.", date: "2026-12-22");

        Assert.StartsWith("Đã ghi nhận giải trình của Sở Tài chính lúc", StatusCardForms.NoteOf(saved), StringComparison.Ordinal);
        Assert.Contains("hẹn gửi báo cáo trước ngày 22/12/2026", StatusCardForms.NoteOf(saved), StringComparison.Ordinal);
        var kept = Assert.Single(await explanations.ListAsync(RoundId, default));
        Assert.Equal(("Sở Tài chính", FinanceOfficer, new DateOnly(2026, 12, 22)), (kept.Agency, kept.By, kept.NewDate));

        // The consolidation shows it: the summary, the report's section on shortcomings, and the matrix.
        using var scope = context.Host.Services.CreateScope();
        var summary = (await scope.ServiceProvider.GetRequiredService<CoordinationBot.Core.Consolidation.ConsolidateHandler>().SummarizeAsync((await store.GetRoundAsync(RoundId, default))!, default))!;
        Assert.Equal("Sở Tài chính", Assert.Single(summary.Explanations).Agency);
        var summaryCard = CoordinationBot.Host.Features.Consolidation.ConsolidationCard.Create(summary, new Uri("https://files.invalid/r.docx"), new Uri("https://files.invalid/r.xlsx"), TimeSpan.FromHours(1), System.Globalization.CultureInfo.GetCultureInfo("vi-VN"));
        Assert.Contains("Sở Tài chính: Chờ số liệu của các xã. (hẹn gửi trước 22/12/2026)", summaryCard.ToJsonString(Readable), StringComparison.Ordinal);
        var report = CoordinationBot.Documents.Reports.ConsolidationDocument.Write(summary);
        // A template that no longer opens gives the report in its own layout, not no report.
        using (var fallback = WordprocessingDocument.Open(new MemoryStream(CoordinationBot.Documents.Reports.ConsolidationDocument.Write(summary, "PK broken"u8.ToArray())), false))
        {
            Assert.Contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", fallback.MainDocumentPart!.Document.Body!.InnerText, StringComparison.Ordinal);
        }

        // Kept beside the test binaries, to be looked at (LibreOffice → PDF → PNG).
        await File.WriteAllBytesAsync(Path.Combine(AppContext.BaseDirectory, "escalation-report.docx"), report);
        using var word = WordprocessingDocument.Open(new MemoryStream(report), false);
        Assert.Contains("chậm báo cáo đã giải trình: Sở Tài chính (“Chờ số liệu của các xã.”; hẹn gửi báo cáo trước ngày 22/12/2026)", word.MainDocumentPart!.Document.Body!.InnerText, StringComparison.Ordinal);
        using var workbook = SpreadsheetDocument.Open(new MemoryStream(CoordinationBot.Documents.Reports.ConsolidationWorkbook.Write(summary)), false);
        Assert.Contains(workbook.WorkbookPart!.WorksheetParts.SelectMany(p => p.Worksheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.Row>()), r => r.InnerText.Contains("hẹn gửi báo cáo trước ngày 22/12/2026", StringComparison.Ordinal));

        // Once the round is closed, an explanation is refused and not kept.
        await Conversation.SayAsync(context, Focal, "a:focal", "đóng đợt báo cáo kế hoạch đối ngoại nhân dân năm 2026");
        Assert.Equal(RoundState.Closed, (await store.GetRoundAsync(RoundId, default))!.State);
        var late = await PressAsync(FinanceOfficer, card, reason: "Bổ sung sau khi đóng đợt.", date: "2026-12-22");
        Assert.StartsWith("Đợt báo cáo đã đóng nên không nhận giải trình nữa", StatusCardForms.NoteOf(late), StringComparison.Ordinal);
        Assert.Single(await explanations.ListAsync(RoundId, default));
    }

    [Fact]
    public async Task DaysForExplanationsOutOfRange_AreRefused_AndNoRoundIsOpened()
    {
        var message = TeamsActivities.Message(context.Connector.ServiceUrl, "yêu cầu báo cáo kế hoạch đối ngoại nhân dân 6 tháng đầu năm 2027 giải trình sau 99 ngày", conversationId: "a:focal");
        message["from"] = new JsonObject { ["id"] = "29:focal", ["aadObjectId"] = Focal };
        context.Connector.Requests.Clear();
        await context.Client.PostAsJsonAsync("/api/messages", message);

        // (The focal chat also gets its agency's status cards; the answer is the text reply.)
        var reply = await WaitForAsync(r => r.Activity?.Conversation?.Id == "a:focal" && r.Activity.Attachments is not { Count: > 0 }, 1);
        Assert.Equal("Số ngày yêu cầu giải trình phải từ 1 đến 60.", Text(reply[0]));
        Assert.Null(await context.Host.Services.GetRequiredService<IStatusReportStore>().GetRoundAsync(RoundId.Replace("2026-Y", "2027-H1", StringComparison.Ordinal), default));
    }

    private static class ExplainInputs
    {
        public const string Reason = "reason";
    }

    private static readonly System.Text.Json.JsonSerializerOptions Readable = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static string Text(RecordedRequest request) => request.Activity?.Summary ?? request.Activity?.Text ?? string.Empty;

    private static string? Verb(RecordedRequest request) =>
        request.Activity?.Attachments is { Count: > 0 } attachments ? attachments[0].Content?["actions"]?[0]?["verb"]?.GetValue<string>() : null;

    private async Task<JsonObject> PressAsync(string user, JsonObject card, string reason, string date)
    {
        var data = card["actions"]![0]!["data"]!.DeepClone().AsObject();
        data["reason"] = reason;
        data["newDate"] = date;
        var response = await context.Client.PostAsJsonAsync("/api/messages", TeamsActivities.CardAction(context.Connector.ServiceUrl, "report.explain", data, user));
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    private static string Input(JsonObject response, string id) =>
        response["value"]!["body"]!.AsArray().FirstOrDefault(e => e?["id"]?.GetValue<string>() == id)?["value"]?.GetValue<string>() ?? string.Empty;

    private Task<List<RecordedRequest>> WaitForAsync(Func<RecordedRequest, bool> match, int count) => Conversation.WaitForAsync(context.Connector, match, count);
}
