using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using CoordinationBot.Core.Plans;
using CoordinationBot.Core.Plans.Corrections;
using CoordinationBot.Core.Plans.Import;
using CoordinationBot.IntegrationTests.Fixtures;
using Microsoft.Extensions.DependencyInjection;

namespace CoordinationBot.IntegrationTests.Bot;

/// <summary>
/// The focal agency corrects how a task was read, in Teams: "sửa nhiệm vụ …" gives the form, "Lưu sửa đổi" stores a
/// correction (who, when, what) that everyone reads at once and that outlives a re-import; the server checks each change.
/// </summary>
[Collection(AzuriteGroup.Name)]
public sealed class PlanCorrectionTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const string Focal = "00000000-0000-0000-0000-0000000000f0";
    private const string Other = "00000000-0000-0000-0000-0000000000d1";

    private const string Version1 = """
        ỦY BAN NHÂN DÂN
        TỈNH ĐỒI MẪU
        Số: 32/KH-UBND
        Đồi Mẫu, ngày 05 tháng 02 năm 2026
        KẾ HOẠCH
        Cải cách hành chính và số hóa hồ sơ năm 2026
        II. NHIỆM VỤ
        1. Sở Nội vụ
        a) Chủ trì hướng dẫn số hóa hồ sơ công việc, phối hợp với Sở Tài chính.
        b) Tổ chức tập huấn kỹ năng số cho công chức.
        2. Sở Tư pháp
        a) Rà soát thủ tục hành chính trên môi trường điện tử.
        III. TỔ CHỨC THỰC HIỆN
        Sở Nội vụ là cơ quan đầu mối theo dõi, tổng hợp kết quả thực hiện Kế hoạch.
        """;

    private static readonly string Version2 = Version1.Replace(
        "III. TỔ CHỨC THỰC HIỆN",
        "3. Sở Công Thương\na) Phát triển thương mại điện tử.\nIII. TỔ CHỨC THỰC HIỆN",
        StringComparison.Ordinal);

    private BotTestContext context = null!;

    public async Task InitializeAsync()
    {
        context = await BotTestContext.StartAsync(azurite, new BotHostSettings(
            Importers: [Focal],
            Administrators: [],
            Directory: new Dictionary<string, string> { [Focal] = "Sở Nội vụ", [Other] = "Sở Y tế" }));
        await ImportAsync(Version1, "kh32.txt");
    }

    public async Task DisposeAsync() => await context.DisposeAsync();

    [Fact]
    public async Task TheFocalAgency_CorrectsALead_SupportsAndDue_AndEveryoneReadsItAtOnce_AsReadStaysAsRead()
    {
        var form = await SayAsync(Focal, "sửa nhiệm vụ ii.1.a kế hoạch 32/KH-UBND");
        var card = form.Attachments![0].Content!.AsObject();
        Assert.Equal("plan.correct", card["actions"]![0]!["verb"]!.GetValue<string>());
        Assert.Equal("Sở Nội vụ", Input(card, "lead"));
        Assert.Equal("Sở Tài chính", Input(card, "supports"));

        var saved = await PressAsync(Focal, card, lead: "Sở Y tế", supports: "Sở Tài chính\nBan Quản lý các khu công nghiệp tỉnh", due: "2026-06-30");

        Assert.StartsWith("Đã lưu sửa đổi lần 1 lúc", Note(saved), StringComparison.Ordinal);
        Assert.Contains("cần rà soát lại tên: Ban Quản lý các khu công nghiệp tỉnh", Note(saved), StringComparison.Ordinal);
        var task = await TaskAsync("II.1.a");
        Assert.Equal("lead:Sở Y tế; support:Sở Tài chính; support:Ban Quản lý các khu công nghiệp tỉnh", Who(task!));
        Assert.Equal(new DateOnly(2026, 6, 30), task!.Due);
        var asRead = await context.Host.Services.GetRequiredService<CorrectedPlanStore>().AsRead.GetLatestAsync("32-kh-ubnd", default);
        Assert.Equal("lead:Sở Nội vụ; support:Sở Tài chính", Who(asRead!.Plan.Tasks.Single(t => t.Id == "II.1.a")));
        var stored = Assert.Single(await context.Host.Services.GetRequiredService<IPlanCorrectionStore>().ListAsync("32-kh-ubnd", default));
        Assert.Equal((Focal, "Sở Nội vụ", "II.1.a"), (stored.By, stored.ByAgency, stored.TaskId));
        Assert.Null(stored.Change.NotATask);

        // The card shows who corrected it and what; a question answers with the correction.
        Assert.Contains("chủ trì: Sở Y tế", saved.ToJsonString(Readable), StringComparison.Ordinal);
        var answer = await SayAsync(Focal, "ai chủ trì hướng dẫn số hóa hồ sơ công việc?");
        Assert.Contains("Sở Y tế", System.Text.Json.JsonSerializer.Serialize(answer, Readable), StringComparison.Ordinal);

        // Pressed again with nothing changed: nothing stored.
        var again = await PressAsync(Focal, saved["value"]!.AsObject());
        Assert.StartsWith("Không có gì thay đổi", Note(again), StringComparison.Ordinal);
        Assert.Single(await context.Host.Services.GetRequiredService<IPlanCorrectionStore>().ListAsync("32-kh-ubnd", default));
    }

    [Fact]
    public async Task AnotherAgency_AForgedTask_ABadDateOrName_AreRefused_WithWhatToDo_AndNothingIsStored()
    {
        var card = (await SayAsync(Focal, "sửa nhiệm vụ II.2.a kế hoạch 32/KH-UBND")).Attachments![0].Content!.AsObject();

        var other = await PressAsync(Other, card, lead: "Sở Y tế");
        var forged = card.DeepClone().AsObject();
        forged["actions"]![0]!["data"]!["taskId"] = "IX.9";
        var unknownTask = await PressAsync(Focal, forged, lead: "Sở Y tế");
        var badDate = await PressAsync(Focal, card, lead: "Sở Y tế", due: "31/02/2026");
        var noLead = await PressAsync(Focal, card, lead: " ");
        var badName = await PressAsync(Focal, card, lead: "<script>alert(1)</script>");
        var typedAsk = await SayAsync(Other, "sửa nhiệm vụ II.2.a kế hoạch 32/KH-UBND");

        Assert.StartsWith("Chỉ cơ quan đầu mối", Note(other), StringComparison.Ordinal);
        Assert.Contains("Sở Nội vụ", Note(other), StringComparison.Ordinal);
        Assert.StartsWith("Kế hoạch 32/KH-UBND không có nhiệm vụ \"IX.9\"", Note(unknownTask), StringComparison.Ordinal);
        Assert.StartsWith("Thời hạn không hợp lệ", Note(badDate), StringComparison.Ordinal);
        Assert.Equal("31/02/2026", Input(badDate["value"]!.AsObject(), "due"));
        Assert.Equal("Sở Y tế", Input(badDate["value"]!.AsObject(), "lead"));
        Assert.StartsWith("Nhiệm vụ cần ít nhất một cơ quan chủ trì", Note(noLead), StringComparison.Ordinal);
        Assert.StartsWith("Có tên cơ quan không hợp lệ", Note(badName), StringComparison.Ordinal);
        Assert.StartsWith("Chỉ cơ quan đầu mối", typedAsk.Text, StringComparison.Ordinal);
        Assert.Empty(await context.Host.Services.GetRequiredService<IPlanCorrectionStore>().ListAsync("32-kh-ubnd", default));
        Assert.Equal("lead:Sở Tư pháp", Who((await TaskAsync("II.2.a"))!));

        var unknown = await SayAsync(Focal, "sửa nhiệm vụ V.7 kế hoạch 32/KH-UBND");
        Assert.StartsWith("Kế hoạch 32/KH-UBND không có nhiệm vụ \"V.7\"", unknown.Text, StringComparison.Ordinal);
        var noPlan = await SayAsync(Focal, "sửa nhiệm vụ II.1.a kế hoạch 99/KH-UBND");
        Assert.Contains("99/KH-UBND", System.Text.Json.JsonSerializer.Serialize(noPlan, Readable), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ALineThatIsNoTask_LeavesThePlan_AndCorrectionsOutliveAReimport_OfTheSameFileAndOfANewVersion()
    {
        var card = (await SayAsync(Focal, "sửa nhiệm vụ II.1.b kế hoạch 32/KH-UBND")).Attachments![0].Content!.AsObject();
        await PressAsync(Focal, card, lead: "Sở Nội vụ", notATask: true);
        var lead = (await SayAsync(Focal, "sửa nhiệm vụ II.2.a kế hoạch 32/KH-UBND")).Attachments![0].Content!.AsObject();
        await PressAsync(Focal, lead, lead: "Sở Y tế");

        Assert.Null(await TaskAsync("II.1.b"));
        var reporters = context.Host.Services.GetRequiredService<PlanReporters>();
        var plans = context.Host.Services.GetRequiredService<IPlanStore>();
        Assert.Contains("Sở Y tế", reporters.Expected((await plans.GetLatestAsync("32-kh-ubnd", default))!.Plan));
        Assert.DoesNotContain("Sở Tư pháp", reporters.Expected((await plans.GetLatestAsync("32-kh-ubnd", default))!.Plan));

        var same = await ImportAsync(Version1, "kh32-again.txt");
        Assert.Equal(ImportOutcome.Unchanged, same.Outcome);
        Assert.Null(await TaskAsync("II.1.b"));

        var newer = await ImportAsync(Version2, "kh32-v2.txt");
        Assert.Equal(2, newer.Plan!.Version);
        Assert.Null(await TaskAsync("II.1.b"));
        Assert.Equal("lead:Sở Y tế", Who((await TaskAsync("II.2.a"))!));
        Assert.Equal("lead:Sở Công Thương", Who((await TaskAsync("II.3.a"))!));

        // The line put back is a task again, as read.
        var restore = (await SayAsync(Focal, "sửa nhiệm vụ II.1.b kế hoạch 32/KH-UBND")).Attachments![0].Content!.AsObject();
        Assert.Equal("true", Input(restore, "notATask"));
        await PressAsync(Focal, restore, lead: "Sở Nội vụ", notATask: false);
        Assert.Equal("lead:Sở Nội vụ", Who((await TaskAsync("II.1.b"))!));
    }

    [Fact]
    public async Task ATaskIsCorrected_OnThePreview_BeforeLưu_OnlyByWhoSentTheFile_AndLưuAdoptsIt()
    {
        var text = string.Join('\n', Version1.Replace("32/KH-UBND", "33/KH-UBND", StringComparison.Ordinal).Split('\n').Select(l => l.Trim()));
        var url = context.Connector.ServeFile("kh33.txt", Encoding.UTF8.GetBytes(text));
        context.Connector.Requests.Clear();
        var upload = TeamsActivities.FileMessage(context.Connector.ServiceUrl, url, "kh33.txt");
        upload["from"] = new JsonObject { ["id"] = "29:" + Focal, ["aadObjectId"] = Focal };
        await context.Client.PostAsJsonAsync("/api/messages", upload);
        var preview = (await context.Connector.WaitForAsync(1, TimeSpan.FromSeconds(10)))[0].Activity!.Attachments![0].Content!.AsObject();
        var pendingId = preview["actions"]![0]!["data"]!["pendingId"]!.GetValue<string>();
        Assert.Equal("plan.preview.correct", preview["actions"]![1]!["verb"]!.GetValue<string>());

        var unknown = await ActAsync(Focal, "plan.preview.correct", new JsonObject { ["pendingId"] = pendingId, ["correctTaskId"] = "IX.9" });
        var notYours = await ActAsync(Other, "plan.preview.correct", new JsonObject { ["pendingId"] = pendingId, ["correctTaskId"] = "II.1.a" });
        var form = (await ActAsync(Focal, "plan.preview.correct", new JsonObject { ["pendingId"] = pendingId, ["correctTaskId"] = "ii.1.a" }))["value"]!.AsObject();

        Assert.Equal("Tệp này không có nhiệm vụ số IX.9. Hãy nhập số hiệu đúng như trên bản xem trước.", Note(unknown));
        Assert.Equal("plan.save", unknown["value"]!["actions"]![0]!["verb"]!.GetValue<string>());
        Assert.DoesNotContain("plan.correct", notYours.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal("Sở Nội vụ", Input(form, "lead"));
        Assert.Equal(pendingId, form["actions"]![0]!["data"]!["pendingId"]!.GetValue<string>());
        Assert.Equal("plan.preview.show", form["actions"]![1]!["verb"]!.GetValue<string>());

        // Another user presses the form (forged or forwarded): refused, nothing kept.
        var forged = await PressAsync(Other, form, lead: "Sở Tư pháp");
        Assert.DoesNotContain("Đã ghi", forged.ToJsonString(Readable), StringComparison.Ordinal);
        var kept = await PressAsync(Focal, form, lead: "Sở Y tế", due: "2026-09-30");
        Assert.StartsWith("Đã ghi sửa đổi lần 1 lúc", Note(kept), StringComparison.Ordinal);
        var badDate = await PressAsync(Focal, kept["value"]!.AsObject(), due: "31/02/2026");
        Assert.StartsWith("Thời hạn không hợp lệ", Note(badDate), StringComparison.Ordinal);

        // Nothing is in the registry yet, and the preview shows the correction.
        var store = context.Host.Services.GetRequiredService<IPlanStore>();
        var corrections = context.Host.Services.GetRequiredService<IPlanCorrectionStore>();
        Assert.Null(await store.GetLatestAsync("33-kh-ubnd", default));
        Assert.Empty(await corrections.ListAsync("33-kh-ubnd", default));
        var back = (await ActAsync(Focal, "plan.preview.show", new JsonObject { ["pendingId"] = pendingId }))["value"]!.ToJsonString(Readable);
        Assert.Contains("Đã ghi 1 sửa đổi trên bản xem trước", back, StringComparison.Ordinal);
        Assert.Contains("chủ trì: Sở Y tế", back, StringComparison.Ordinal);

        var saved = await ActAsync(Focal, "plan.save", new JsonObject { ["pendingId"] = pendingId });

        Assert.Contains("Đã áp dụng 1 sửa đổi ghi trên bản xem trước.", Note(saved), StringComparison.Ordinal);
        var task = (await store.GetLatestAsync("33-kh-ubnd", default))!.Plan.Tasks.Single(t => t.Id == "II.1.a");
        Assert.Equal(("lead:Sở Y tế; support:Sở Tài chính", new DateOnly(2026, 9, 30)), (Who(task), task.Due));
        var adopted = Assert.Single(await corrections.ListAsync("33-kh-ubnd", default));
        Assert.Equal((Focal, "Sở Nội vụ", "II.1.a", 1), (adopted.By, adopted.ByAgency, adopted.TaskId, adopted.Sequence));
        var asRead = await context.Host.Services.GetRequiredService<CorrectedPlanStore>().AsRead.GetLatestAsync("33-kh-ubnd", default);
        Assert.Equal("lead:Sở Nội vụ; support:Sở Tài chính", Who(asRead!.Plan.Tasks.Single(t => t.Id == "II.1.a")));
    }

    private async Task<JsonObject> ActAsync(string user, string verb, JsonObject data)
    {
        var response = await context.Client.PostAsJsonAsync("/api/messages", TeamsActivities.CardAction(context.Connector.ServiceUrl, verb, data, user));
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    private static readonly System.Text.Json.JsonSerializerOptions Readable = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private async Task<ImportResult> ImportAsync(string text, string fileName)
    {
        using var scope = context.Host.Services.CreateScope();
        var bytes = Encoding.UTF8.GetBytes(string.Join('\n', text.Split('\n').Select(l => l.Trim())));
        return await scope.ServiceProvider.GetRequiredService<ImportPlanHandler>().HandleAsync(new ImportPlanRequest(bytes, fileName, Focal), default);
    }

    private async Task<PlanTask?> TaskAsync(string id) =>
        (await context.Host.Services.GetRequiredService<IPlanStore>().GetLatestAsync("32-kh-ubnd", default))!.Plan.Tasks.FirstOrDefault(t => t.Id == id);

    private static string Who(PlanTask task) => string.Join("; ", task.Assignments.Select(a => $"{a.Role.ToString().ToLowerInvariant()}:{a.Agency}"));

    private async Task<CoordinationBot.BotFramework.Schema.Activity> SayAsync(string user, string text)
    {
        context.Connector.Requests.Clear();
        var message = TeamsActivities.Message(context.Connector.ServiceUrl, text, conversationId: "a:" + user);
        message["from"] = new JsonObject { ["id"] = "29:" + user, ["aadObjectId"] = user };
        await context.Client.PostAsJsonAsync("/api/messages", message);
        return (await context.Connector.WaitForAsync(1, TimeSpan.FromSeconds(10)))[0].Activity!;
    }

    private async Task<JsonObject> PressAsync(string user, JsonObject card, string? lead = null, string? supports = null, string? due = null, bool? notATask = null)
    {
        var data = card["actions"]![0]!["data"]!.DeepClone().AsObject();
        data["lead"] = lead ?? Input(card, "lead");
        data["supports"] = supports ?? Input(card, "supports");
        data["due"] = due ?? Input(card, "due");
        data["notATask"] = notATask is { } value ? (value ? "true" : "false") : Input(card, "notATask");
        var invoke = TeamsActivities.CardAction(context.Connector.ServiceUrl, "plan.correct", data, user);
        var response = await context.Client.PostAsJsonAsync("/api/messages", invoke);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    private static string Input(JsonObject card, string id) =>
        card["body"]!.AsArray().FirstOrDefault(e => e?["id"]?.GetValue<string>() == id)?["value"]?.GetValue<string>() ?? string.Empty;

    private static string Note(JsonObject response) => StatusCardForms.NoteOf(response);
}
