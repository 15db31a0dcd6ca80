using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CoordinationBot.Core.Plans.Import;
using CoordinationBot.Core.StatusReports;
using CoordinationBot.IntegrationTests.Fixtures;
using CoordinationBot.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CoordinationBot.IntegrationTests.Bot;

/// <summary>
/// A focal agency's command acts on the plan it names or on none: an unknown or unclear plan is refused by name with the
/// closest plans as buttons, and a plan's reporting is run only by that plan's focal agency (or an administrator).
/// The sample plans: 21/KH-UBND of the province (focal: Sở Khoa học và Công nghệ) and 14/KH-UBND of a commune (focal:
/// its Văn phòng HĐND và UBND); the officer is of Sở Khoa học và Công nghệ and is no administrator.
/// </summary>
[Collection(AzuriteGroup.Name)]
public sealed class PlanTargetingTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const string Officer = "00000000-0000-0000-0000-0000000000020";
    private const string HomeAffairsOfficer = "00000000-0000-0000-0000-0000000000021";

    // A due date still to come whenever the tests run (the host reads the real clock).
    private static readonly string Due = DateTime.UtcNow.AddDays(19).ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture);
    private static readonly System.Text.Json.JsonSerializerOptions Readable = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private BotTestContext context = null!;
    private List<StoredPlanKey> plans = [];

    public async Task InitializeAsync()
    {
        context = await BotTestContext.StartAsync(azurite, new BotHostSettings(
            Importers: [Officer],
            Administrators: [],
            Directory: new Dictionary<string, string> { [Officer] = "Sở Khoa học và Công nghệ", [HomeAffairsOfficer] = "Sở Nội vụ" }));
        using var scope = context.Host.Services.CreateScope();
        foreach (var file in Directory.EnumerateFiles(Path.Combine(RepositoryPaths.Root, "samples", "plans"), "*.txt").Order())
        {
            var result = await scope.ServiceProvider.GetRequiredService<ImportPlanHandler>().HandleAsync(new ImportPlanRequest(await File.ReadAllBytesAsync(file), Path.GetFileName(file), Officer), default);
            plans.Add(new StoredPlanKey(result.Plan!.Key, result.Plan.Plan.Number!));
        }
    }

    public async Task DisposeAsync() => await context.DisposeAsync();

    [Theory]
    [InlineData("yêu cầu báo cáo kế hoạch 99/KH-UBND năm 2026", "99/KH-UBND")]
    [InlineData("tổng hợp kế hoạch 99/KH-UBND năm 2026", "99/KH-UBND")]
    [InlineData("yêu cầu báo cáo kế hoạch phòng chống lụt bão năm 2026", "phòng chống lụt bão")]
    [InlineData("gia hạn báo cáo kế hoạch 99/KH-UBND năm 2026 đến 30/12/2026", "99/KH-UBND")]
    public async Task APlanThatDoesNotExist_IsRefusedByName_WithTheClosestPlansAsButtons_AndNothingHappens(string command, string named)
    {
        var reply = await SayAsync(command);

        Assert.Contains(named, reply.Text, StringComparison.Ordinal);
        Assert.StartsWith("Không có kế hoạch", reply.Text, StringComparison.Ordinal);
        var verb = command[..command.IndexOf(" kế hoạch", StringComparison.Ordinal)];
        Assert.Contains(reply.Buttons, b => b.StartsWith(verb + " kế hoạch 21/KH-UBND", StringComparison.Ordinal));
        Assert.Contains(reply.Buttons, b => b.StartsWith(verb + " kế hoạch 14/KH-UBND", StringComparison.Ordinal));
        var store = context.Host.Services.GetRequiredService<IStatusReportStore>();
        foreach (var plan in plans)
        {
            Assert.Null(await store.GetRoundAsync(ReportingRound.IdFor(plan.Key, ReportingPeriod.WholeYear(2026)), default));
        }
    }

    [Fact]
    public async Task TheButtonOfAClosestPlan_SaysTheCommandAgainWithThatPlan_AndThePeriodAndDueDate()
    {
        var reply = await SayAsync($"yêu cầu báo cáo kế hoạch 99/KH-UBND năm 2026 hạn {Due}");

        Assert.Contains($"yêu cầu báo cáo kế hoạch 21/KH-UBND năm 2026 hạn {Due}", reply.Buttons);
        var opened = await SayAsync($"yêu cầu báo cáo kế hoạch 21/KH-UBND năm 2026 hạn {Due}");
        Assert.StartsWith("Đã mở đợt báo cáo năm 2026", opened.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("yêu cầu báo cáo kế hoạch 14/KH-UBND năm 2026", "mở đợt báo cáo")]
    [InlineData("tổng hợp kế hoạch 14/KH-UBND năm 2026", "tổng hợp báo cáo")]
    [InlineData("đóng đợt báo cáo kế hoạch 14/KH-UBND năm 2026", "đóng đợt báo cáo")]
    [InlineData("gửi lại phiếu báo cáo kế hoạch 14/KH-UBND năm 2026", "gửi lại phiếu báo cáo")]
    public async Task AnotherPlansReporting_IsRefused_NamingItsFocalAgency_AndTheRightVerb(string command, string verb)
    {
        var reply = await SayAsync(command);

        Assert.StartsWith("Chỉ cơ quan đầu mối của Kế hoạch 14/KH-UBND (", reply.Text, StringComparison.Ordinal);
        Assert.EndsWith($"hoặc quản trị viên được {verb}.", reply.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Khoa học", reply.Text, StringComparison.Ordinal);
        var commune = plans.Single(p => p.Number == "14/KH-UBND");
        Assert.Null(await context.Host.Services.GetRequiredService<IStatusReportStore>().GetRoundAsync(ReportingRound.IdFor(commune.Key, ReportingPeriod.WholeYear(2026)), default));
    }

    [Fact]
    public async Task AQuestionAboutAPlanThatDoesNotExist_SaysSo_InsteadOfAnsweringFromOtherPlans()
    {
        context.Connector.Requests.Clear();
        var message = TeamsActivities.Message(context.Connector.ServiceUrl, "Kế hoạch 99/KH-UBND năm 2026 cơ quan nào là đầu mối?", conversationId: "a:officer");
        message["from"] = new JsonObject { ["id"] = "29:officer", ["aadObjectId"] = Officer };
        await context.Client.PostAsJsonAsync("/api/messages", message);
        var replies = await context.Connector.WaitForAsync(1, TimeSpan.FromSeconds(10));
        var json = string.Join('\n', replies.Select(r => System.Text.Json.JsonSerializer.Serialize(r.Activity, Readable)));

        Assert.Contains("Không có kế hoạch “99/KH-UBND”", json, StringComparison.Ordinal);
        Assert.DoesNotContain("Sở Khoa học và Công nghệ", json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheListOfRounds_ShowsTheRoundsOfThePlansTheSenderRuns_WithProgressAndButtons()
    {
        await SayAsync($"yêu cầu báo cáo kế hoạch 21/KH-UBND năm 2026 hạn {Due}");

        context.Connector.Requests.Clear();
        var message = TeamsActivities.Message(context.Connector.ServiceUrl, "các đợt báo cáo", conversationId: "a:officer");
        message["from"] = new JsonObject { ["id"] = "29:officer", ["aadObjectId"] = Officer };
        await context.Client.PostAsJsonAsync("/api/messages", message);
        var reply = (await context.Connector.WaitForAsync(1, TimeSpan.FromSeconds(10)))[0].Activity!;
        var json = System.Text.Json.JsonSerializer.Serialize(reply, Readable);

        Assert.Matches(@"Kế hoạch 21/KH-UBND — năm 2026: đang mở, hạn " + Due + @"; 0/\d+ cơ quan đã báo cáo\.", reply.Summary ?? json);
        Assert.Contains("\"tổng hợp kế hoạch 21/KH-UBND năm 2026\"", json, StringComparison.Ordinal);
        Assert.Contains("\"đóng đợt báo cáo kế hoạch 21/KH-UBND năm 2026\"", json, StringComparison.Ordinal);
        Assert.DoesNotContain("14/KH-UBND", json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheListOfPlans_NamesEachPlanWithItsFocalAgency_AndAMistypedHelpGetsHelp()
    {
        var help = await SayAsync("tro jup");

        context.Connector.Requests.Clear();
        var message = TeamsActivities.Message(context.Connector.ServiceUrl, "có những kế hoạch nào?", conversationId: "a:officer");
        message["from"] = new JsonObject { ["id"] = "29:officer", ["aadObjectId"] = Officer };
        await context.Client.PostAsJsonAsync("/api/messages", message);
        var json = System.Text.Json.JsonSerializer.Serialize((await context.Connector.WaitForAsync(1, TimeSpan.FromSeconds(10)))[0].Activity, Readable);
        Assert.Contains("Các kế hoạch đã nhập (2)", json, StringComparison.Ordinal);
        Assert.Contains("Kế hoạch 21/KH-UBND", json, StringComparison.Ordinal);
        Assert.Contains("Kế hoạch 14/KH-UBND", json, StringComparison.Ordinal);
        Assert.Contains("Cơ quan đầu mối: Sở Khoa học và Công nghệ", json, StringComparison.Ordinal);
        Assert.Contains("trợ giúp", help.Buttons);
    }

    [Fact]
    public async Task AFocalAgency_ConfirmsOnlyPicksOfAgenciesItsPlansAssign()
    {
        using var scope = context.Host.Services.CreateScope();
        var stored = scope.ServiceProvider.GetRequiredService<IPlanStore>();
        var province = (await stored.GetLatestAsync(plans.Single(p => p.Number == "21/KH-UBND").Key, default))!.Plan;
        var commune = (await stored.GetLatestAsync(plans.Single(p => p.Number == "14/KH-UBND").Key, default))!.Plan;
        var registry = scope.ServiceProvider.GetRequiredService<CoordinationBot.Core.Agencies.AgencyRegistry>();
        bool Assigns(CoordinationBot.Core.Plans.Plan plan, string agency) => plan.Tasks.Any(t => t.Assignments.Any(a => registry.SameAgency(a.Agency, agency)));
        var ours = province.Tasks.SelectMany(t => t.Assignments).Select(a => a.Agency).First(a => !a.StartsWith("Các", StringComparison.Ordinal));
        var theirs = commune.Tasks.SelectMany(t => t.Assignments).Select(a => a.Agency).First(a => !Assigns(province, a));
        var choices = scope.ServiceProvider.GetRequiredService<CoordinationBot.Core.People.IAgencyChoiceStore>();
        await choices.SaveAsync("user-ours", new CoordinationBot.Core.People.AgencyChoice(ours, "user-ours", "Cán bộ Một"), default);
        await choices.SaveAsync("user-theirs", new CoordinationBot.Core.People.AgencyChoice(theirs, "user-theirs", "Cán bộ Hai"), default);

        var list = await SayAsync("xác nhận cơ quan");
        var refused = await ConfirmAsync("user-theirs", theirs);
        var confirmed = await ConfirmAsync("user-ours", ours);

        Assert.DoesNotContain("Cán bộ Hai", System.Text.Json.JsonSerializer.Serialize(context.Connector.Requests.Select(r => r.Activity).ToList(), Readable), StringComparison.Ordinal);
        Assert.NotNull(list.Text);
        Assert.StartsWith("Chỉ cơ quan đầu mối", refused, StringComparison.Ordinal);
        Assert.Contains("Đã xác nhận Cán bộ Một thuộc", confirmed, StringComparison.Ordinal);
        Assert.Null((await choices.GetAsync("user-theirs", default))!.ConfirmedBy);
        Assert.Equal(Officer, (await choices.GetAsync("user-ours", default))!.ConfirmedBy);
    }

    private async Task<string> ConfirmAsync(string user, string agency)
    {
        var invoke = TeamsActivities.CardAction(context.Connector.ServiceUrl, "directory.confirm", new JsonObject { ["user"] = user, ["agency"] = agency }, Officer);
        var response = await (await context.Client.PostAsJsonAsync("/api/messages", invoke)).Content.ReadFromJsonAsync<JsonObject>();
        var body = response!["value"]!["body"]!.AsArray();
        return string.Join(" ", body.Select(b => b?["text"]?.GetValue<string>() ?? b?["inlines"]?[0]?["text"]?.GetValue<string>()).OfType<string>());
    }

    [Fact]
    public async Task ThePlansOwnFocalAgency_RunsItsReporting()
    {
        var opened = await SayAsync($"yêu cầu báo cáo kế hoạch 21/KH-UBND năm 2026 hạn {Due}");

        Assert.StartsWith("Đã mở đợt báo cáo năm 2026", opened.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AgenciesTheRoundCannotReach_AreNamed_WithWhatTheAdministratorMustDo_WhenTheBotCannotInstallItself()
    {
        var opened = await SayAsync($"yêu cầu báo cáo kế hoạch 21/KH-UBND năm 2026 hạn {Due}");

        Assert.StartsWith("Đã mở đợt báo cáo năm 2026", opened.Text, StringComparison.Ordinal);
        var unreachable = opened.Text[opened.Text.IndexOf("Chưa gửi được phiếu cho:", StringComparison.Ordinal)..];
        Assert.Contains("Sở Nội vụ", unreachable, StringComparison.Ordinal);
        Assert.Contains("Công an tỉnh", unreachable, StringComparison.Ordinal);
        Assert.Contains("Trung tâm quản trị Teams", unreachable, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InstallingTheBotForAnOfficerOfAnAgencyTheRoundMissed_SendsTheOpenCardAfterTheGreeting()
    {
        await SayAsync($"yêu cầu báo cáo kế hoạch 21/KH-UBND năm 2026 hạn {Due}");
        context.Connector.Requests.Clear();

        var added = TeamsActivities.BotAdded(context.Connector.ServiceUrl, conversationId: "a:home-affairs", aadObjectId: HomeAffairsOfficer);
        await context.Client.PostAsJsonAsync("/api/messages", added);

        var sent = await context.Connector.WaitForAsync(2, TimeSpan.FromSeconds(10));
        var card = sent[1].Activity!.Attachments![0].Content!.ToJsonString(Readable);
        Assert.Contains("Báo cáo tiến độ: KH 21/KH-UBND", card, StringComparison.Ordinal);
        Assert.Contains("Sở Nội vụ", card, StringComparison.Ordinal);
        Assert.All(sent, s => Assert.Contains("a%3Ahome-affairs", s.Path, StringComparison.Ordinal));
    }

    [Fact]
    public async Task ADueDateInThePast_IsRefused_WithAnExampleStillToCome_AndADefaultDueDateSaysItsRule()
    {
        var refused = await SayAsync("yêu cầu báo cáo kế hoạch 21/KH-UBND năm 2026 hạn 01/01/2020");

        var example = System.Text.RegularExpressions.Regex.Match(refused.Text, @"hạn (\d{2}/\d{2}/\d{4})");
        Assert.True(example.Success, refused.Text);
        Assert.True(DateOnly.ParseExact(example.Groups[1].Value, "dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture) > DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7)), refused.Text);

        var opened = await SayAsync("yêu cầu báo cáo kế hoạch 21/KH-UBND năm 2027");
        Assert.StartsWith("Đã mở đợt báo cáo năm 2027", opened.Text, StringComparison.Ordinal);
        Assert.Matches("(?i)hạn là", opened.Text);
    }

    private async Task<(string Text, List<string> Buttons)> SayAsync(string text)
    {
        context.Connector.Requests.Clear();
        var message = TeamsActivities.Message(context.Connector.ServiceUrl, text, conversationId: "a:officer");
        message["from"] = new JsonObject { ["id"] = "29:officer", ["aadObjectId"] = Officer };
        await context.Client.PostAsJsonAsync("/api/messages", message);
        var reply = (await context.Connector.WaitForAsync(1, TimeSpan.FromSeconds(10)))[0].Activity!;
        var card = reply.Attachments is { Count: > 0 } attachments ? attachments[0].Content : null;
        var buttons = (card?["actions"] as JsonArray ?? []).Select(a => a?["data"]?["msteams"]?["value"]?.GetValue<string>()).OfType<string>().ToList();
        var cardText = card?["body"]?[0]?["text"]?.GetValue<string>();
        return (cardText ?? reply.Text ?? string.Empty, buttons);
    }

    private sealed record StoredPlanKey(string Key, string Number);
}
