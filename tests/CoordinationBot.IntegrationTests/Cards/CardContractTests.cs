using System.Globalization;
using System.Text.Json.Nodes;
using CoordinationBot.BotFramework.Schema;
using CoordinationBot.Core.Commands;
using CoordinationBot.Core.Plans;
using CoordinationBot.Core.Plans.Extraction;
using CoordinationBot.Core.People;
using CoordinationBot.Core.Questions;
using CoordinationBot.Core.StatusReports;
using CoordinationBot.Host.Cards;
using CoordinationBot.Host.Features.Escalation;
using CoordinationBot.Host.Features.Help;
using CoordinationBot.Host.Features.People;
using CoordinationBot.Host.Features.Plans;
using CoordinationBot.Host.Features.Questions;
using CoordinationBot.Host.Features.StatusReports;

namespace CoordinationBot.IntegrationTests.Cards;

/// <summary>
/// Each card's field contract, both ways: the card is built, pressed as Teams sends it (the action's data with every
/// input's value merged in, as an adaptiveCard/action invoke), and read back by the same card class.
/// </summary>
public sealed class CardContractTests
{
    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");
    private static readonly DateOnly Today = new(2026, 12, 1);

    private static readonly StoredPlan Stored = new("kh-21", 3, "hash", "kh.txt", DateTimeOffset.UnixEpoch, "aad-0", PlanExtractor.Default.Extract(
        "ỦY BAN NHÂN DÂN\nTỈNH TUYÊN QUANG\nSố: 21/KH-UBND\nKẾ HOẠCH\nChuyển đổi số năm 2026\nII. NHIỆM VỤ\n"
        + "1. Bố trí kinh phí. Sở Tài chính chủ trì, phối hợp với Sở Y tế; hoàn thành trước 30/6/2026.\n"
        + "2. Tuyên truyền. Sở Văn hóa, Thể thao và Du lịch chủ trì.\nIII. TỔ CHỨC THỰC HIỆN\nSở Khoa học và Công nghệ là cơ quan đầu mối."));

    private static readonly ReportingRound Round = new(ReportingRound.IdFor(Stored.Key, ReportingPeriod.WholeYear(2026)), Stored.Key, Stored.Version, ReportingPeriod.WholeYear(2026), new DateOnly(2026, 12, 15), "aad-0", DateTimeOffset.UnixEpoch, RoundState.Open, null, "t");

    [Fact]
    public void TheStatusCard_ReadsBackItsRoundAgencyAndEveryTasksInputs_ByTheIdsItGaveThem()
    {
        Assert.True(Stored.Plan.Tasks.Count >= 2, string.Join("; ", Stored.Plan.Tasks.Select(t => t.Id)));
        var tasks = Stored.Plan.Tasks.Take(2).Select(t => (t, Role.Lead)).ToList();
        var saved = new Dictionary<string, StoredReport> { [tasks[1].t.Id] = new(new StatusReport(Round.Id, "Sở Tài chính", tasks[1].t.Id, ProgressStatus.Done, 100, "Xong.", "", "", "cán bộ", DateTimeOffset.UnixEpoch), "W/\"v7\"") };
        var card = StatusCard.Create(new StatusCardData(Round, "21/KH-UBND", "Sở Tài chính", tasks, saved, Editable: true), Vietnamese);
        var inputs = InputIds(card);
        Assert.Equal(2 * 6, inputs.Count);

        var values = inputs.ToDictionary(id => id, id => id.StartsWith("percent_", StringComparison.Ordinal) ? "45" : id.StartsWith("status_", StringComparison.Ordinal) ? "InProgress" : "text of " + id);
        foreach (var verb in new[] { StatusCard.Verb, StatusCard.DraftVerb, StatusCard.PreviousVerb })
        {
            var (roundId, agency, entries) = StatusCard.Read(Press(card, verb, values))!.Value;
            Assert.Equal((Round.Id, "Sở Tài chính"), (roundId, agency));
            Assert.Equal(tasks.Select(t => t.t.Id), entries.Select(e => e.TaskId));
            Assert.All(entries, e => Assert.Equal(("InProgress", "45"), (e.Status, e.Percent)));
            Assert.Equal("text of result_1", entries[1].Result);
            Assert.Equal("text of difficulties_0", entries[0].Difficulties);
            Assert.Equal("text of proposals_1", entries[1].Proposals);
            Assert.Equal("text of evidence_0", entries[0].Evidence);
            Assert.Equal([null, "W/\"v7\""], entries.Select(e => e.ExpectedETag));
        }

        // The card's refresh carries the round and agency the refresh handler reads.
        var refresh = Invoke(StatusCard.RefreshVerb, card["refresh"]!["action"]!["data"]!.DeepClone().AsObject());
        Assert.Equal((Round.Id, "Sở Tài chính"), StatusCard.ReadTarget(refresh));
    }

    [Fact]
    public void TheOpenRoundForm_ReadsBackThePlanPeriodDueMessageDaysAndMode()
    {
        var card = OpenRoundCard.Create(new PlanCatalog([Stored]), Today, Vietnamese);
        var period = OpenRoundCard.Periods(Today)[0];
        var ids = InputIds(card);
        var values = new Dictionary<string, string>
        {
            [ids[0]] = Stored.Key, [ids[1]] = period.Code, [ids[2]] = "2026-12-20", [ids[3]] = "  Gửi đúng hạn.  ", [ids[4]] = "true", [ids[5]] = "5",
        };

        var form = OpenRoundCard.Read(Press(card, OpenRoundCard.Verb, values), Today);

        Assert.True(form.Complete);
        Assert.Equal(new OpenRoundForm(Stored.Key, period, new DateOnly(2026, 12, 20), "Gửi đúng hạn.", 5, ReportingMode.SupportsToLead), form);
        Assert.False(OpenRoundCard.Read(Press(card, OpenRoundCard.Verb, new Dictionary<string, string>(values) { [ids[2]] = "20/12/2026" }), Today).Complete);
        Assert.Equal(0, OpenRoundCard.Read(Press(card, OpenRoundCard.Verb, new Dictionary<string, string>(values) { [ids[5]] = "năm" }), Today).ExplainAfterDays);
    }

    [Fact]
    public void TheTaskCorrectionForm_ReadsBackThePlanOrPreviewTaskAndFields()
    {
        var task = Stored.Plan.Tasks[0];
        var card = TaskCorrectionCard.Create(Stored, task, false, [], null, false, Vietnamese);
        var ids = InputIds(card);
        Assert.Equal(4, ids.Count);
        var values = new Dictionary<string, string> { [ids[0]] = "Sở Y tế", [ids[1]] = "Sở Nội vụ", [ids[2]] = "2026-09-30", [ids[3]] = "true" };

        var request = TaskCorrectionCard.Read(Press(card, TaskCorrectionCard.Verb, values), null, "Sở Khoa học và Công nghệ", administrator: false);

        Assert.Equal((Stored.Key, task.Id, "Sở Y tế", "Sở Nội vụ", "2026-09-30", true), (request.PlanKey, request.TaskId, request.Lead, request.Supports, request.Due, request.NotATask));
        Assert.Equal(("aad-officer", "Sở Khoa học và Công nghệ"), (request.SenderId, request.SenderAgency));

        var beforeSave = TaskCorrectionCard.Create(Stored, task, false, [], null, false, Vietnamese, "pending-9");
        var pressed = Press(beforeSave, TaskCorrectionCard.Verb, values);
        Assert.Equal("pending-9", pressed.GetCardString(PlanPreviewCard.PendingField));
        Assert.Equal("pending:9", TaskCorrectionCard.Read(pressed, "pending:9", null, administrator: true).PlanKey);
    }

    [Fact]
    public void TheExplanationConsolidationAndConfirmationCards_CarryWhatTheirHandlersRead()
    {
        var explanation = ExplanationCard.Create(Round.Id, "Sở Y tế chưa gửi báo cáo.", Today, Vietnamese);
        var explained = Press(explanation, ExplanationCard.Verb, new Dictionary<string, string> { [ExplanationCard.ReasonInput] = "Chờ số liệu.", [ExplanationCard.DateInput] = "2026-12-22" });
        Assert.Equal((Round.Id, "Chờ số liệu.", "2026-12-22"), (explained.GetCardString(ExplanationCard.RoundField), explained.GetCardString(ExplanationCard.ReasonInput), explained.GetCardString(ExplanationCard.DateInput)));
        Assert.Equal([ExplanationCard.ReasonInput, ExplanationCard.DateInput], InputIds(explanation));

        var confirm = AgencyConfirmationCard.Create([("aad-1", new AgencyChoice("Sở Ngoại vụ", "aad-1", "Nguyễn Văn A"))], Vietnamese, null);
        var confirmed = Press(confirm, AgencyConfirmationCard.Verb, new Dictionary<string, string>());
        Assert.Equal(("aad-1", "Sở Ngoại vụ"), (confirmed.GetCardString(AgencyConfirmationCard.UserField), confirmed.GetCardString(AgencyConfirmationCard.AgencyField)));

        var picker = AgencyPickerCard.Create(CoordinationBot.Core.Agencies.AgencyRegistry.Default, Vietnamese, null);
        Assert.Equal([AgencyPickerCard.InputId], InputIds(picker));

        var preview = PlanPreviewCard.Create(Stored.Plan, "pending-1", Vietnamese);
        Assert.Equal([PlanPreviewCard.TaskIdInput], InputIds(preview));
        foreach (var verb in new[] { PlanPreviewCard.SaveVerb, PlanPreviewCard.CorrectVerb, PlanPreviewCard.CancelVerb })
        {
            Assert.Equal("pending-1", Press(preview, verb, new Dictionary<string, string> { [PlanPreviewCard.TaskIdInput] = "1" }).GetCardString(PlanPreviewCard.PendingField));
        }
    }

    [Fact]
    public void EveryActionOfEveryForm_IsUniversal_WithASubmitFallbackCarryingTheSameDataAndTheVerb_AndIdsAreUnique()
    {
        var tasks = Stored.Plan.Tasks.Select(t => (t, Role.Lead)).ToList();
        var cards = new[]
        {
            StatusCard.Create(new StatusCardData(Round, "21/KH-UBND", "Sở Tài chính", tasks, new Dictionary<string, StoredReport>(), Editable: true), Vietnamese),
            OpenRoundCard.Create(new PlanCatalog([Stored]), Today, Vietnamese),
            TaskCorrectionCard.Create(Stored, Stored.Plan.Tasks[0], false, [], null, false, Vietnamese, "pending-1"),
            ExplanationCard.Create(Round.Id, "…", Today, Vietnamese),
            AgencyConfirmationCard.Create([("aad-1", new AgencyChoice("Sở Ngoại vụ", "aad-1", null))], Vietnamese, null),
            AgencyPickerCard.Create(CoordinationBot.Core.Agencies.AgencyRegistry.Default, Vietnamese, null),
            PlanPreviewCard.Create(Stored.Plan, "pending-1", Vietnamese),
            HelpCard.Create(CommandCatalog.Default, Vietnamese),
            NoticeCard.Create("Không tìm thấy."),
        };

        foreach (var card in cards)
        {
            var ids = InputIds(card);
            Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
            foreach (var action in Actions(card).Where(a => (string?)a["type"] == "Action.Execute"))
            {
                var fallback = action["fallback"]!.AsObject();
                Assert.Equal("Action.Submit", (string?)fallback["type"]);
                Assert.Equal((string?)action["title"], (string?)fallback["title"]);
                var expected = action["data"]?.DeepClone().AsObject() ?? [];
                expected["verb"] = (string?)action["verb"];
                Assert.True(JsonNode.DeepEquals(expected, fallback["data"]), $"{action["verb"]}: {fallback["data"]?.ToJsonString()}");
            }
        }
    }

    /// <summary>An adaptiveCard/action invoke as Teams sends it for the card's action with <paramref name="verb"/>.</summary>
    private static Activity Press(JsonObject card, string verb, IReadOnlyDictionary<string, string> inputs)
    {
        var action = Actions(card).Single(a => (string?)a["verb"] == verb);
        var data = action["data"]?.DeepClone().AsObject() ?? [];
        foreach (var (id, value) in inputs)
        {
            data[id] = value;
        }

        return Invoke(verb, data);
    }

    private static Activity Invoke(string verb, JsonObject data) => new()
    {
        Type = ActivityTypes.Invoke,
        Name = "adaptiveCard/action",
        From = new ChannelAccount { Id = "29:officer", AadObjectId = "aad-officer" },
        Value = new JsonObject { ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = verb, ["data"] = data } },
    };

    private static List<string> InputIds(JsonNode card) =>
        [.. Nodes(card).Where(n => ((string?)n["type"])?.StartsWith("Input.", StringComparison.Ordinal) == true).Select(n => (string)n["id"]!)];

    private static IEnumerable<JsonObject> Actions(JsonNode card) =>
        Nodes(card).Where(n => ((string?)n["type"])?.StartsWith("Action.", StringComparison.Ordinal) == true);

    // An action's fallback is not an action of its own (it is checked with the action), nor is the card's refresh.

    private static IEnumerable<JsonObject> Nodes(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                yield return obj;
                foreach (var (_, child) in obj.Where(p => p.Key is not "fallback" and not "refresh"))
                {
                    foreach (var found in Nodes(child))
                    {
                        yield return found;
                    }
                }

                break;
            case JsonArray array:
                foreach (var child in array)
                {
                    foreach (var found in Nodes(child))
                    {
                        yield return found;
                    }
                }

                break;
        }
    }
}
