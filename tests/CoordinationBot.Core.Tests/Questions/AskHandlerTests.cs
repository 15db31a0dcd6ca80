using CoordinationBot.Core.Agencies;
using CoordinationBot.Core.Plans;
using CoordinationBot.Core.Plans.Extraction;
using CoordinationBot.Core.Questions;
using CoordinationBot.Core.Tests.Plans;

namespace CoordinationBot.Core.Tests.Questions;

public sealed class AskHandlerTests
{
    private static readonly PlanCatalog Catalog = new(
    [
        Stored("15-kh-ubnd", PlanText.With("""
            II. NHIỆM VỤ CỤ THỂ
            Các nhiệm vụ chi tiết tại Biểu phân công kèm theo.
            1. Số hóa hồ sơ
            a) Số hóa hồ sơ lưu trữ lịch sử.
            III. TỔ CHỨC THỰC HIỆN
            1. Sở Thông tin và Truyền thông
            a) Chủ trì, phối hợp với Sở Nội vụ tổ chức tập huấn kỹ năng số cho cán bộ.
            b) Phối hợp với Công an tỉnh bảo đảm an toàn thông tin mạng.
            2. Sở Nội vụ
            a) Chủ trì rà soát thủ tục hành chính nội bộ trong tháng 05/2026.
            3. Công an tỉnh
            a) Chủ trì điều tra tội phạm công nghệ cao.
            Trên đây là Kế hoạch; các cơ quan báo cáo kết quả về Sở Nội vụ trước ngày 10 tháng 6 năm 2026 để tổng hợp./.
            """)),
    ]);

    private readonly AskHandler handler = new(new QuestionParser(AgencyRegistry.Default), AgencyRegistry.Default);

    [Theory]
    [InlineData("Ai chủ trì tổ chức tập huấn kỹ năng số?")]
    [InlineData("ai chu tri tap huan ky nang so")]
    [InlineData("AI CHỦ TRÌ TẬP HUẤN KỸ NĂNG SỐ")]
    [InlineData("ai chu tri tap huan ky nang sô cho can bo")]
    public void WhoLeads_WithOrWithoutDiacritics_NamesTheLead_AndItsSuccessor(string question)
    {
        var answer = handler.Handle(Catalog, new AskRequest(question, null));

        Assert.True(answer.Found);
        Assert.Equal("III.1.a", answer.Tasks[0].TaskId);
        Assert.Contains("Chủ trì: Sở Thông tin và Truyền thông (nay là Sở Khoa học và Công nghệ)", answer.Text, StringComparison.Ordinal);
        Assert.Contains("Phối hợp: Sở Nội vụ", answer.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Typos_AreTolerated()
    {
        var answer = handler.Handle(Catalog, new AskRequest("ai chu tri ra soat thu tuc hanh chinh noi bộ trong thang 5", null));

        Assert.Equal("III.2.a", answer.Tasks[0].TaskId);
    }

    [Fact]
    public void AgencyDuties_ByAbbreviation_AndRole()
    {
        var answer = handler.Handle(Catalog, new AskRequest("Sở TT&TT phối hợp những việc gì?", null));

        Assert.Equal(["III.1.b"], answer.Tasks.Select(t => t.TaskId));
        Assert.StartsWith("Sở Thông tin và Truyền thông nay là Sở Khoa học và Công nghệ (từ ngày 01/03/2025). Nhiệm vụ Sở Khoa học và Công nghệ phối hợp:", answer.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void AskingAboutTheSuccessor_FindsTheTasksOfTheAgencyItReplaced()
    {
        var answer = handler.Handle(Catalog, new AskRequest("Sở Khoa học và Công nghệ có nhiệm vụ gì?", null));

        Assert.Equal(["III.1.a", "III.1.b"], answer.Tasks.Select(t => t.TaskId));
    }

    [Fact]
    public void MyDuties_UseTheAskersAgency_AndNeverAnotherOnes()
    {
        var answer = handler.Handle(Catalog, new AskRequest("việc của tôi là gì", "Công an tỉnh"));

        Assert.Equal(["III.1.b", "III.3.a"], answer.Tasks.Select(t => t.TaskId).Order());
        Assert.DoesNotContain("Sở Nội vụ", answer.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void MyDuties_WithoutAKnownAgency_AsksWhoTheAskerIs()
    {
        var answer = handler.Handle(Catalog, new AskRequest("tôi cần làm gì?", null));

        Assert.False(answer.Found);
        Assert.StartsWith("Tôi chưa biết bạn thuộc cơ quan nào", answer.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Reporting_GivesDueDateAndWhereToSend()
    {
        var answer = handler.Handle(Catalog, new AskRequest("hạn gửi báo cáo kế hoạch chuyển đổi số?", null));

        Assert.Contains("10/06/2026", answer.Text, StringComparison.Ordinal);
        Assert.Contains("Gửi báo cáo về: Sở Nội vụ", answer.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void FocalAgency_AndImplementedPlans()
    {
        Assert.Contains("Cơ quan đầu mối: Sở Nội vụ", handler.Handle(Catalog, new AskRequest("cơ quan nào là đầu mối kế hoạch chuyển đổi số?", null)).Text, StringComparison.Ordinal);
        Assert.Contains("50/KH-UBND ngày 09/02/2026", handler.Handle(Catalog, new AskRequest("kế hoạch chuyển đổi số căn cứ kế hoạch số mấy?", null)).Text, StringComparison.Ordinal);
    }

    [Fact]
    public void TaskWhoseAgenciesAreInTheAttachment_SaysSo_AndWhoToAsk()
    {
        var answer = handler.Handle(Catalog, new AskRequest("ai chịu trách nhiệm số hóa hồ sơ lưu trữ lịch sử?", null));

        Assert.Equal("II.1.a", answer.Tasks[0].TaskId);
        Assert.Contains("biểu kèm theo", answer.Text, StringComparison.Ordinal);
        Assert.Contains("(Sở Nội vụ)", answer.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ai lo việc nuôi cá?")]
    [InlineData("thời tiết hôm nay thế nào")]
    [InlineData("Sở Y tế có nhiệm vụ gì?")]
    public void NothingRelevant_StartsWithNotFound_AndInventsNoAgency(string question)
    {
        var answer = handler.Handle(Catalog, new AskRequest(question, null));

        Assert.False(answer.Found);
        Assert.StartsWith("Không tìm thấy nhiệm vụ phù hợp", answer.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Chủ trì:", answer.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void NoPlansYet_SaysSo()
    {
        Assert.StartsWith("Chưa có kế hoạch nào", handler.Handle(PlanCatalog.Empty, new AskRequest("ai chủ trì?", null)).Text, StringComparison.Ordinal);
    }

    /// <summary>Two plans of one province: an investment plan whose agencies the registry does not know, and a training plan.</summary>
    private static readonly PlanCatalog TwoPlans = new(
    [
        Stored("21-kh-ubnd", PlanText.With(
            """
            III. TỔ CHỨC THỰC HIỆN
            1. Sở Tài chính
            a) Chủ trì, phối hợp với Ban Quản lý các khu công nghiệp đề xuất giải pháp cải thiện môi trường đầu tư.
            2. Ban Quản lý các khu công nghiệp
            a) Chủ trì thu hút, kêu gọi đầu tư vào các khu công nghiệp.
            b) Phối hợp với Sở Tài chính xây dựng cơ sở dữ liệu doanh nghiệp trong khu công nghiệp.
            """,
            "21/KH-UBND")),
        Stored("22-kh-ubnd", PlanText.With(
            """
            III. TỔ CHỨC THỰC HIỆN
            1. Sở Nội vụ
            a) Chủ trì, phối hợp với Sở Khoa học và Công nghệ tổ chức đào tạo, tập huấn cho cán bộ, công chức về chuyển đổi số.
            b) Phối hợp với Sở Tư pháp chi trả kinh phí bồi dưỡng.
            2. Sở Tư pháp
            a) Phối hợp với Sở Nội vụ xây dựng chuyên mục pháp luật.
            b) Chủ trì cập nhật Cổng pháp luật quốc gia.
            """,
            "22/KH-UBND")),
    ]);

    [Theory]
    [InlineData("BQL các KCN có nhiệm vụ gì?")]
    [InlineData("ban quan ly cac khu cong nghiep lam nhung viec gi")]
    public void AnAgencyOnlyThePlansName_IsFoundByItsNameOrAbbreviation(string question)
    {
        var answer = handler.Handle(TwoPlans, new AskRequest(question, null));

        Assert.StartsWith("Nhiệm vụ của Ban Quản lý các khu công nghiệp", answer.Text, StringComparison.Ordinal);
        Assert.Equal(["III.2.a", "III.2.b"], answer.Tasks.Select(t => t.TaskId));
    }

    [Fact]
    public void AskingWhoAnAgencyWorksWithOnATask_FindsTheTask_AndItsLead()
    {
        var answer = handler.Handle(TwoPlans, new AskRequest("Sở KH&CN phối hợp với cơ quan nào tổ chức đào tạo, tập huấn cho cán bộ?", null));

        Assert.Equal("III.1.a", answer.Tasks[0].TaskId);
        Assert.Contains("Chủ trì: Sở Nội vụ", answer.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void MyDutiesInANamedPlan_ListWhatILeadFirst_NotWhatSharesTheNamesWords()
    {
        var answer = handler.Handle(TwoPlans, new AskRequest("nhiệm vụ của tôi trong kế hoạch 22/KH-UBND là gì?", "Sở Tư pháp"));

        // III.1.b: "Phối hợp với Sở Tư pháp chi trả …" under Sở Nội vụ makes Sở Tư pháp its lead.
        Assert.Equal(["III.1.b", "III.2.b", "III.2.a"], answer.Tasks.Select(t => t.TaskId));
    }

    [Fact]
    public void MyDuties_IncludeWhatIsGivenToAGroupIBelongTo_AfterMyOwn()
    {
        var catalog = new PlanCatalog([Stored("23-kh-ubnd", PlanText.With(
            """
            III. TỔ CHỨC THỰC HIỆN
            1. Sở Tư pháp
            a) Chủ trì rà soát văn bản quy phạm pháp luật.
            2. Các sở, ban, ngành
            a) Chủ trì quán triệt Kế hoạch tại cơ quan, đơn vị.
            3. Ủy ban nhân dân các xã, phường
            a) Chủ trì tuyên truyền tại cơ sở.
            """,
            "23/KH-UBND"))]);

        var answer = handler.Handle(catalog, new AskRequest("nhiệm vụ của tôi là gì?", "Sở Tư pháp"));

        Assert.Equal(["III.1.a", "III.2.a"], answer.Tasks.Select(t => t.TaskId));
    }

    [Theory]
    [InlineData("nhiệm vụ nào đã quá hạn?", "Sở Tư pháp", new[] { "III.1.a" })]
    [InlineData("nhiem vu nao qua han", null, new[] { "III.1.a" })]
    [InlineData("nhiệm vụ nào sắp đến hạn?", null, new[] { "III.2.a" })]
    [InlineData("nhiệm vụ của tôi sắp đến hạn?", "Sở Tư pháp", new string[0])]
    [InlineData("Sở Y tế có nhiệm vụ nào sắp đến hạn?", "Sở Tư pháp", new[] { "III.2.a" })]
    public void DueSoonAndOverdue_ListTheTasksByTheirDueDate_ForTheAgencyNamedOrTheAsker(string question, string? asker, string[] expected)
    {
        var catalog = new PlanCatalog([Stored("24-kh-ubnd", PlanText.With(
            """
            III. TỔ CHỨC THỰC HIỆN
            1. Sở Tư pháp
            a) Chủ trì rà soát văn bản quy phạm pháp luật, hoàn thành trước ngày 20 tháng 5 năm 2026.
            b) Chủ trì tập huấn nghiệp vụ, hoàn thành trước ngày 30 tháng 12 năm 2026.
            2. Sở Y tế
            a) Chủ trì khám sàng lọc, hoàn thành trước ngày 10 tháng 6 năm 2026.
            """,
            "24/KH-UBND"))]);

        var answer = handler.Handle(catalog, new AskRequest(question, asker, Today: new DateOnly(2026, 6, 1)));

        Assert.Equal(expected, answer.Tasks.Select(t => t.TaskId));
        Assert.Equal(expected.Length > 0, answer.Found);
    }

    [Fact]
    public void HowManyTasks_CountsThePlanNamed_AndWhatTheAgencyNamedLeadsAndSupports()
    {
        var catalog = new PlanCatalog([Stored("25-kh-ubnd", PlanText.With(
            """
            III. TỔ CHỨC THỰC HIỆN
            1. Sở Tư pháp
            a) Chủ trì rà soát văn bản quy phạm pháp luật.
            b) Phối hợp với Sở Y tế tập huấn nghiệp vụ.
            2. Sở Y tế
            a) Chủ trì khám sàng lọc.
            """,
            "25/KH-UBND"))]);

        var plan = handler.Handle(catalog, new AskRequest("Kế hoạch 25 có bao nhiêu nhiệm vụ?", null));
        var agency = handler.Handle(catalog, new AskRequest("Sở Tư pháp chủ trì bao nhiêu nhiệm vụ?", null));

        Assert.Equal(QuestionIntent.CountTasks, plan.Intent);
        Assert.Contains("25/KH-UBND", plan.Text, StringComparison.Ordinal);
        Assert.Contains("có 3 nhiệm vụ.", plan.Text, StringComparison.Ordinal);
        Assert.Contains("Sở Tư pháp chủ trì 1, phối hợp 1 nhiệm vụ.", agency.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void WordsThatAlsoNameAnotherPlan_DoNotHideTheTaskThatMatches()
    {
        // "đầu tư" is in no plan's title here, "chi trả" only in a task: the task is found whatever plan holds it.
        var answer = handler.Handle(TwoPlans, new AskRequest("ai chi trả kinh phí bồi dưỡng?", null));

        Assert.Equal("III.1.b", answer.Tasks[0].TaskId);
    }

    private static StoredPlan Stored(string key, string text) =>
        new(key, 1, key, key + ".txt", DateTimeOffset.UnixEpoch, null, PlanExtractor.Default.Extract(text));
}
