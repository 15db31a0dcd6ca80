using System.Text;
using CoordinationBot.Core.Plans.Extraction;
using CoordinationBot.Core.Plans.Import;
using CoordinationBot.Documents.Plans;
using CoordinationBot.IntegrationTests.Fixtures;
using CoordinationBot.Storage.Plans;
using CoordinationBot.Testing;

namespace CoordinationBot.IntegrationTests.Plans;

/// <summary>Importing real plans into the registry on Azurite: idempotent, versioned, nothing half-stored.</summary>
[Collection(AzuriteGroup.Name)]
public sealed class PlanImportTests(AzuriteFixture azurite)
{
    private readonly TablePlanStore store = new(azurite.CreateServiceClient());

    private ImportPlanHandler Handler() => new(new PlanDocumentReader(), store, PlanExtractor.Default, TimeProvider.System);

    [Fact]
    public async Task ImportingTheSameFileTwice_ChangesNothing()
    {
        var bytes = await File.ReadAllBytesAsync(SharedData.Require("seeds", "002_998ba807eefe9ee1.txt"));

        var first = await Handler().HandleAsync(new ImportPlanRequest(bytes, "62.txt", "tester"), default);
        var second = await Handler().HandleAsync(new ImportPlanRequest(bytes, "62.txt", "tester"), default);

        Assert.Equal(ImportOutcome.Created, first.Outcome);
        Assert.Equal(ImportOutcome.Unchanged, second.Outcome);
        Assert.Equal(1, second.Plan!.Version);
        var latest = await store.GetLatestAsync("62-kh-ubnd", default);
        Assert.Equal(first.Plan!.Plan.Tasks.Count, latest!.Plan.Tasks.Count);
        Assert.Equal(first.Plan.Plan.Tasks.Select(t => t.Id), latest.Plan.Tasks.Select(t => t.Id));
        Assert.Equal("62/KH-UBND", latest.Plan.Number);
        Assert.Contains(latest.Plan.Implements, r => r.Number == "50/KH-UBND");
    }

    [Fact]
    public async Task AnAssignmentTableSentOnItsOwn_JoinsThePlanItIsAttachedTo_AsANewVersion_AndIsRefusedByNameBeforeThePlanIs()
    {
        object?[][] rows =
        [
            ["BIỂU PHÂN CÔNG NHIỆM VỤ"],
            ["(Kèm theo Kế hoạch số 62/KH-UBND ngày 31/3/2026 của Ủy ban nhân dân xã Hòa An)"],
            ["STT", "Nội dung nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian hoàn thành"],
            ["1", "Số hóa hồ sơ địa chính trên địa bàn xã", "Công an xã", "Văn phòng Hội đồng nhân dân và Ủy ban nhân dân", new DateOnly(2026, 6, 30)],
            ["2", "Tập huấn kỹ năng số cho cán bộ, công chức", "Văn phòng Hội đồng nhân dân và Ủy ban nhân dân", "Công an xã", "Quý III/2026"],
        ];
        var table = PlanDocumentReaderTests.Workbook("Biểu 1", rows);

        var early = await Handler().HandleAsync(new ImportPlanRequest(table, "bieu-phan-cong.xlsx", "tester"), default);
        var plan = await Handler().HandleAsync(new ImportPlanRequest(await File.ReadAllBytesAsync(SharedData.Require("seeds", "002_998ba807eefe9ee1.txt")), "62.txt", "tester"), default);
        var attached = await Handler().HandleAsync(new ImportPlanRequest(table, "bieu-phan-cong.xlsx", "tester"), default);
        var again = await Handler().HandleAsync(new ImportPlanRequest(table, "bieu-phan-cong.xlsx", "tester"), default);

        Assert.Equal((ImportOutcome.Refused, PlanFileProblem.AttachedPlanMissing, "62/KH-UBND"), (early.Outcome, early.Problem, early.PlanNumber));
        Assert.Equal((ImportOutcome.Attached, 2, 2), (attached.Outcome, attached.Added, attached.Plan!.Version));
        Assert.Equal(ImportOutcome.Unchanged, again.Outcome);
        var latest = (await store.GetLatestAsync("62-kh-ubnd", default))!;
        Assert.Equal(2, latest.Version);
        Assert.Equal([.. plan.Plan!.Plan.Tasks.Select(t => t.Id), "PL.I.1", "PL.I.2"], latest.Plan.Tasks.Select(t => t.Id));
        var first = latest.Plan.Tasks.Single(t => t.Id == "PL.I.1");
        Assert.Equal(new DateOnly(2026, 6, 30), first.Due);
        Assert.Equal([("Công an xã", CoordinationBot.Core.Plans.Role.Lead), ("Văn phòng Hội đồng nhân dân và Ủy ban nhân dân", CoordinationBot.Core.Plans.Role.Support)], first.Assignments.Select(a => (a.Agency, a.Role)));
        Assert.Equal(plan.Plan.Plan.Number, latest.Plan.Number);
        Assert.Equal(plan.Plan.Plan.FocalAgency, latest.Plan.FocalAgency);
    }

    [Fact]
    public async Task AnAssignmentTableSentAgain_ReplacesItsOwnRows_SoARowItNoLongerHas_LeavesThePlan_AndOtherTablesStay()
    {
        object?[] header = ["STT", "Nội dung nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian hoàn thành"];
        object?[] attachedTo = ["(Kèm theo Kế hoạch số 62/KH-UBND ngày 31/3/2026 của Ủy ban nhân dân xã Hòa An)"];
        byte[] Table(string title, params object?[][] rows) => PlanDocumentReaderTests.Workbook("Biểu", [[title], attachedTo, header, .. rows]);
        var isolated = new TablePlanStore(azurite.CreateServiceClient(AzuriteFixture.UniquePrefix()));
        var handler = new ImportPlanHandler(new PlanDocumentReader(), isolated, PlanExtractor.Default, TimeProvider.System);
        var plan = await handler.HandleAsync(new ImportPlanRequest(await File.ReadAllBytesAsync(SharedData.Require("seeds", "002_998ba807eefe9ee1.txt")), "62.txt", "tester"), default);
        var first = Table(
            "BIỂU PHÂN CÔNG NHIỆM VỤ CHUYỂN ĐỔI SỐ",
            ["1", "Số hóa hồ sơ địa chính trên địa bàn xã", "Công an xã", "Văn phòng Hội đồng nhân dân và Ủy ban nhân dân", "Quý II/2026"],
            ["2", "Tập huấn kỹ năng số cho cán bộ, công chức", "Văn phòng Hội đồng nhân dân và Ủy ban nhân dân", "Công an xã", "Quý III/2026"]);
        var other = Table(
            "BIỂU PHÂN CÔNG NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH",
            ["I", "CẢI CÁCH THỦ TỤC"],
            ["5", "Rà soát thủ tục hành chính cấp xã", "Văn phòng Hội đồng nhân dân và Ủy ban nhân dân", "", "Quý IV/2026"]);
        var firstAgain = Table(
            "BIỂU PHÂN CÔNG NHIỆM VỤ CHUYỂN ĐỔI SỐ",
            ["1", "Số hóa hồ sơ địa chính và hồ sơ hộ tịch trên địa bàn xã", "Công an xã", "", "Quý III/2026"]);

        await handler.HandleAsync(new ImportPlanRequest(first, "bieu-1.xlsx", "tester"), default);
        var second = await handler.HandleAsync(new ImportPlanRequest(other, "bieu-2.xlsx", "tester"), default);
        var again = await handler.HandleAsync(new ImportPlanRequest(firstAgain, "bieu-1-sua.xlsx", "tester"), default);

        var before = second.Plan!.Plan.Tasks.Where(t => t.Id.StartsWith("PL.", StringComparison.Ordinal)).Select(t => t.Id).ToList();
        Assert.Equal(3, before.Count);
        Assert.Equal((ImportOutcome.Attached, 1), (again.Outcome, again.Added));
        var gone = Assert.Single(again.Removed);
        var latest = (await isolated.GetLatestAsync("62-kh-ubnd", default))!;
        Assert.Equal(4, latest.Version);
        Assert.DoesNotContain(latest.Plan.Tasks, t => t.Id == gone);
        Assert.Equal([.. plan.Plan!.Plan.Tasks.Select(t => t.Id)], latest.Plan.Tasks.Where(t => !t.Id.StartsWith("PL.", StringComparison.Ordinal)).Select(t => t.Id));
        var kept = Assert.Single(latest.Plan.Tasks, t => t.Text.StartsWith("Rà soát", StringComparison.Ordinal));
        Assert.Contains(kept.Id, before);
        var changed = Assert.Single(latest.Plan.Tasks, t => t.Text.StartsWith("Số hóa", StringComparison.Ordinal));
        Assert.Equal("Số hóa hồ sơ địa chính và hồ sơ hộ tịch trên địa bàn xã", changed.Text);
        Assert.Equal([("Công an xã", CoordinationBot.Core.Plans.Role.Lead)], changed.Assignments.Select(a => (a.Agency, a.Role)));
        Assert.Equal(3, (await isolated.GetAsync("62-kh-ubnd", 3, default))!.Plan.Tasks.Count(t => t.Id.StartsWith("PL.", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task ChangedFile_BecomesANewVersion_AndTheOldOneIsKept()
    {
        var original = await File.ReadAllTextAsync(SharedData.Require("seeds", "004_f4d7285e2bc01f5d.txt"));
        var changed = original.Replace("trước ngày 15 tháng 05", "trước ngày 20 tháng 05", StringComparison.Ordinal);

        var v1 = await Handler().HandleAsync(new ImportPlanRequest(Encoding.UTF8.GetBytes(original), "ttdn.txt", null), default);
        var v2 = await Handler().HandleAsync(new ImportPlanRequest(Encoding.UTF8.GetBytes(changed), "ttdn-sua.txt", null), default);

        Assert.Equal(ImportOutcome.NewVersion, v2.Outcome);
        Assert.Equal(v1.Plan!.Key, v2.Plan!.Key);
        Assert.Equal(2, v2.Plan.Version);
        Assert.Equal(new DateOnly(2023, 5, 15), (await store.GetAsync(v1.Plan.Key, 1, default))!.Plan.Reporting.SelectMany(r => r.Dues).Min());
        Assert.Equal(new DateOnly(2023, 5, 20), (await store.GetLatestAsync(v1.Plan.Key, default))!.Plan.Reporting.SelectMany(r => r.Dues).Min());
    }

    [Theory]
    [InlineData("empty.txt", "")]
    [InlineData("notes.txt", "Biên bản họp giao ban tuần, không có nhiệm vụ nào.")]
    [InlineData("scan.pdf", "%PDF-1.7")]
    public async Task FileThatIsNotAPlan_IsRefused_AndNothingIsStored(string name, string content)
    {
        var isolated = new TablePlanStore(azurite.CreateServiceClient());
        var handler = new ImportPlanHandler(new PlanDocumentReader(), isolated, PlanExtractor.Default, TimeProvider.System);

        var result = await handler.HandleAsync(new ImportPlanRequest(Encoding.UTF8.GetBytes(content), name, null), default);

        Assert.Equal(ImportOutcome.Refused, result.Outcome);
        Assert.NotEqual(PlanFileProblem.None, result.Problem);
        Assert.Empty(await isolated.ListLatestAsync(default).ToListAsync());
    }

    [Fact]
    public async Task CliImportOfTheSeedFolder_StoresEveryPlan_ThenReportsThemUnchanged()
    {
        var environment = new Dictionary<string, string>
        {
            ["COORDBOT_Storage__ConnectionString"] = azurite.ConnectionString,
            ["COORDBOT_Storage__TablePrefix"] = AzuriteFixture.UniquePrefix(),
        };

        var first = await CliRunner.RunAsync(environment, "plans", "import", SharedData.Require("seeds"));
        var again = await CliRunner.RunAsync(environment, "plans", "import", SharedData.Require("seeds"));
        var list = await CliRunner.RunAsync(environment, "plans", "list");

        Assert.True(first.ExitCode == 0, first.Error);
        Assert.Equal(5, first.Output.Split('\n').Count(line => line.StartsWith("created", StringComparison.Ordinal)));
        Assert.Equal(5, again.Output.Split('\n').Count(line => line.StartsWith("unchanged", StringComparison.Ordinal)));
        Assert.Equal(5, list.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }
}
