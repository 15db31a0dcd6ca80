using CoordinationBot.Core.Plans;
using CoordinationBot.Core.Plans.Extraction;

using static CoordinationBot.Core.Tests.Plans.PlanReading;

namespace CoordinationBot.Core.Tests.Plans;

public sealed class PlanExtractorTests
{
    [Fact]
    public void Header_ReadsKindNumberDateYearTitleAndImplementedPlans()
    {
        var plan = Extract("II. NHIỆM VỤ\n1. Sở Tư pháp\na) Chủ trì rà soát văn bản.");

        Assert.Equal("KH", plan.Kind);
        Assert.Equal("15/KH-UBND", plan.Number);
        Assert.Equal(new DateOnly(2026, 3, 10), plan.IssuedOn);
        Assert.Equal(2026, plan.Year);
        Assert.Equal("Triển khai công tác chuyển đổi số trong cơ quan nhà nước năm 2026", plan.Title);
        Assert.Equal("ỦY BAN NHÂN DÂN TỈNH THỬ NGHIỆM", plan.Issuer);
        Assert.Contains(plan.Implements, r => r.Number == "50/KH-UBND" && r.Date == new DateOnly(2026, 2, 9));
    }

    [Theory]
    [InlineData("| ỦY BAN NHÂN DÂN TỈNH MIỀN NÚI ------ | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc ------ |\n|---|---|\n| Số: 9/KH-UBND | Miền Núi, ngày 02 tháng 3 năm 2026 |", "ỦY BAN NHÂN DÂN TỈNH MIỀN NÚI")]
    [InlineData("|\nBỘ NỘI VỤ\n--------\n|\nCỘNG HÒA XÃ\nHỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n|\nSố: 9/KH-BNV\nHà Nội, ngày 02 tháng 3 năm 2026", "BỘ NỘI VỤ")]
    [InlineData("ỦY BAN NHÂN DÂN        CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nXÃ BÌNH MẪU            Độc lập - Tự do - Hạnh phúc\nSố: 9/KH-UBND          Bình Mẫu, ngày 02 tháng 3 năm 2026", "ỦY BAN NHÂN DÂN XÃ BÌNH MẪU")]
    public void TheIssuingBody_IsReadWithoutTheMottoBesideIt_HoweverTheLetterheadWasCopied(string letterhead, string issuer)
    {
        var plan = PlanExtractor.Default.Extract(letterhead + "\nKẾ HOẠCH\nSố hóa hồ sơ năm 2026\nII. NHIỆM VỤ\n1. Sở Tư pháp\na) Chủ trì rà soát văn bản.");

        Assert.Equal(issuer, plan.Issuer);
    }

    [Fact]
    public void BlankNumberAndDay_AreNull_YearStillRead()
    {
        var plan = PlanExtractor.Default.Extract(PlanText.With("II. NHIỆM VỤ\n1. Sở Tư pháp\na) Rà soát.", number: "      /KH-UBND", date: "ngày      tháng     năm 2026"));

        Assert.Null(plan.Number);
        Assert.Null(plan.IssuedOn);
        Assert.Equal(2026, plan.Year);
    }

    [Fact]
    public void AgencyHeading_WithLetteredItems_AssignsTheHeadingAgency_WithRolesFromTheWording()
    {
        var plan = Extract("""
            III. TỔ CHỨC THỰC HIỆN
            1. Sở Văn hóa, Thể thao và Du lịch
            a) Chủ trì, phối hợp với Sở Ngoại vụ và Công an tỉnh tổ chức
            tuần lễ văn hóa.
            b) Phối hợp với Sở Tài chính bố trí kinh phí.
            c) Tham gia đoàn kiểm tra liên ngành.
            d) Xây dựng chuyên mục
            tuyên truyền trên cổng thông tin.
            đ) Là cơ quan đầu mối tổng hợp kết quả.
            """);

        Assert.Equal("lead:Sở Văn hóa, Thể thao và Du lịch; support:Sở Ngoại vụ; support:Công an tỉnh", Who(Task(plan, "III.1.a")));
        Assert.Equal("support:Sở Văn hóa, Thể thao và Du lịch; lead:Sở Tài chính", Who(Task(plan, "III.1.b")));
        Assert.Equal("support:Sở Văn hóa, Thể thao và Du lịch", Who(Task(plan, "III.1.c")));
        Assert.Equal("lead:Sở Văn hóa, Thể thao và Du lịch", Who(Task(plan, "III.1.d")));
        Assert.Equal("Xây dựng chuyên mục tuyên truyền trên cổng thông tin.", Task(plan, "III.1.d").Text);
        Assert.Equal("Sở Văn hóa, Thể thao và Du lịch", plan.FocalAgency);
    }

    [Fact]
    public void HeadingNamingSeveralAgencies_OverTwoLines_AssignsEachOfThem()
    {
        var plan = Extract("""
            III. TỔ CHỨC THỰC HIỆN
            2. Công an tỉnh, Bộ Chỉ huy Quân sự tỉnh, Ban Chỉ huy Bộ đội Biên
            phòng tỉnh
            a) Phối hợp bảo đảm an ninh trật tự.
            """);

        Assert.Equal("support:Công an tỉnh; support:Bộ Chỉ huy Quân sự tỉnh; support:Ban Chỉ huy Bộ đội Biên phòng tỉnh", Who(Task(plan, "III.2.a")));
    }

    [Fact]
    public void RequestedHeading_MarksTheAssignmentsAsRequests()
    {
        var plan = Extract("""
            III. TỔ CHỨC THỰC HIỆN
            3. Đề nghị Ủy ban Mặt trận Tổ quốc tỉnh và các tổ chức chính trị - xã hội tỉnh
            Phối hợp tuyên truyền, vận động nhân dân.
            """);

        var task = Task(plan, "III.3");
        Assert.Equal("support:Ủy ban Mặt trận Tổ quốc tỉnh; support:Các tổ chức chính trị - xã hội tỉnh", Who(task));
        Assert.All(task.Assignments, a => Assert.True(a.Requested));
    }

    [Fact]
    public void AgencyAtTheStartOfASentence_LeadsThatTask()
    {
        var plan = Extract("""
            III. TỔ CHỨC THỰC HIỆN
            4. Sở Nội vụ có trách nhiệm theo dõi, đôn đốc các cơ quan, đơn vị triển khai
            Kế hoạch này.
            """);

        Assert.Equal("lead:Sở Nội vụ", Who(Task(plan, "III.4")));
    }

    [Fact]
    public void DashBulletsUnderAnAgency_AreTasksOfThatAgency()
    {
        var plan = Extract("""
            III. TỔ CHỨC THỰC HIỆN
            5. Sở Y tế
            - Chủ trì hướng dẫn các cơ sở y tế.
            - Phối hợp với Sở Tài chính lập dự toán.
            """);

        Assert.Equal("lead:Sở Y tế", Who(Task(plan, "III.5.1")));
        Assert.Equal("support:Sở Y tế; lead:Sở Tài chính", Who(Task(plan, "III.5.2")));
    }

    [Fact]
    public void RoleBlocks_AssignLeadAndSupport_AndTheirDeadline()
    {
        var plan = Extract("""
            II. NHIỆM VỤ CỤ THỂ
            1. Xây dựng cơ sở dữ liệu dùng chung
            Cơ quan chủ trì: Sở Khoa học và Công nghệ.
            Cơ quan phối hợp: Sở Nội vụ; Văn phòng Ủy ban nhân dân tỉnh.
            Thời gian thực hiện: trước ngày 30/6/2026.
            """);

        var task = Task(plan, "II.1");
        Assert.Equal("lead:Sở Khoa học và Công nghệ; support:Sở Nội vụ; support:Văn phòng Ủy ban nhân dân tỉnh", Who(task));
        Assert.Equal(new DateOnly(2026, 6, 30), task.Due);
    }

    [Fact]
    public void PipeTable_RowsBecomeTasks_WithAgenciesFromTheirColumns()
    {
        var plan = Extract("""
            II. PHÂN CÔNG NHIỆM VỤ
            | TT | Tên nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Kết quả | Thời gian hoàn thành |
            | 1 | Cập nhật danh mục thủ tục | Sở Tư pháp | Sở Nội vụ, Sở Y tế | Danh mục | Tháng 6/2026 |
            | 2 | Đào tạo kỹ năng số | Sở Nội vụ | Các sở, ban, ngành | Lớp học | Thường xuyên |
            """);

        Assert.Equal("lead:Sở Tư pháp; support:Sở Nội vụ; support:Sở Y tế", Who(Task(plan, "II.1")));
        Assert.Equal(new DateOnly(2026, 6, 30), Task(plan, "II.1").Due);
        Assert.Equal("lead:Sở Nội vụ; support:Các sở, ban, ngành", Who(Task(plan, "II.2")));
        Assert.Equal("Thường xuyên", Task(plan, "II.2").DueText);
    }

    [Fact]
    public void TasksWithoutAgencies_AreKept_AndSayTheAssignmentIsInTheAttachedTable()
    {
        var plan = Extract("""
            II. NHIỆM VỤ, GIẢI PHÁP
            Các nhiệm vụ cụ thể tại Biểu phân công nhiệm vụ kèm theo Kế hoạch này.
            1. Hoàn thiện thể chế
            a) Rà soát quy chế phối hợp.
            """);

        var task = Task(plan, "II.1.a");
        Assert.Empty(task.Assignments);
        Assert.True(task.AssignedInAttachment);
    }

    [Fact]
    public void ReportingRule_WithTwoDatesSharingTheYear_AndTheFocalAgencyItIsSentTo()
    {
        var plan = Extract("""
            III. TỔ CHỨC THỰC HIỆN
            1. Sở Tư pháp
            a) Rà soát văn bản.
            Trên đây là Kế hoạch; yêu cầu các đơn vị báo cáo kết quả về Sở Nội vụ trước ngày 15 tháng 05 và
            ngày 01 tháng 12 năm 2026 để tổng hợp báo cáo Ủy ban nhân dân tỉnh./.
            """);

        Assert.Equal("Sở Nội vụ", plan.FocalAgency);
        var rule = Assert.Single(plan.Reporting);
        Assert.Equal([new DateOnly(2026, 5, 15), new DateOnly(2026, 12, 1)], rule.Dues);
        Assert.Equal("Sở Nội vụ", rule.Via);
        Assert.Equal("Ủy ban nhân dân tỉnh", rule.To);
    }

    [Theory]
    [InlineData("Định kỳ hằng năm báo cáo kết quả trước ngày 20/11 về Sở Nội vụ để tổng hợp.", 2026, 11, 20)]
    [InlineData("Định kỳ báo cáo Ủy ban nhân dân tỉnh kết quả hằng năm (trước ngày 05 tháng 3) để tổng hợp.", 2027, 3, 5)]
    [InlineData("Rà soát, tổng hợp thiệt hại, gửi Sở Tài chính trước ngày 08 tháng 12 năm 2026.", 2026, 12, 8)]
    [InlineData("Các sở báo cáo tiến độ hằng tháng trước ngày 20 về Sở Nội vụ.", 2026, 3, 20)]
    [InlineData("Các sở báo cáo tiến độ hằng tháng trước ngày 05 về Sở Nội vụ.", 2026, 4, 5)]
    public void AYearlyDateWithoutAYear_IsItsFirstOneAfterTheIssueDate_AndSendingResultsByADateIsReporting(string sentence, int year, int month, int day)
    {
        // PlanText issues the plan on 10/03/2026: 20/11 comes next in 2026, 05/03 only in 2027.
        var plan = Extract($"III. TỔ CHỨC THỰC HIỆN\n1. Sở Tư pháp\na) Chủ trì rà soát văn bản.\nIV. CHẾ ĐỘ BÁO CÁO\n{sentence}");

        Assert.Contains(new DateOnly(year, month, day), plan.Reporting.SelectMany(r => r.Dues));
    }

    [Fact]
    public void AMonthlyAndAYearlyReportInOneSentence_EachHaveTheirOwnDate()
    {
        var plan = Extract("III. TỔ CHỨC THỰC HIỆN\n1. Sở Tư pháp\na) Chủ trì rà soát văn bản.\nIV. CHẾ ĐỘ BÁO CÁO\n"
            + "Các sở, ngành báo cáo kết quả hằng tháng trước ngày 20 và báo cáo năm trước ngày 15/11 gửi Sở Nội vụ để tổng hợp.");

        Assert.Equal(
            [(ReportingCadence.Monthly, "2026-03-20"), (ReportingCadence.Annual, "2026-11-15")],
            plan.Reporting.Select(r => (r.Cadence, string.Join(",", r.Dues.Select(d => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture))))));
    }

    [Theory]
    [InlineData("định kỳ 6 tháng, hằng năm báo cáo Ủy ban nhân dân tỉnh (qua Sở Nội vụ) để tổng hợp.", new[] { ReportingCadence.Semiannual, ReportingCadence.Annual })]
    [InlineData("định kỳ hàng quý báo cáo Ủy ban nhân dân tỉnh trước ngày 20 tháng cuối quý.", new[] { ReportingCadence.Quarterly })]
    [InlineData("báo cáo đột xuất khi có yêu cầu.", new[] { ReportingCadence.AdHoc })]
    [InlineData("báo cáo kết quả trước ngày 28/2/2027.", new[] { ReportingCadence.Once })]
    public void ReportingCadences_AreRead(string sentence, ReportingCadence[] expected)
    {
        var plan = Extract($"III. TỔ CHỨC THỰC HIỆN\n1. Sở Tư pháp\na) Chủ trì rà soát văn bản; {sentence}");

        Assert.Equal(expected, plan.Reporting.Select(r => r.Cadence));
    }

    [Fact]
    public void EachAssignment_SaysWhichRuleMadeIt_AndTheWordsItRead()
    {
        var plan = Extract("""
            III. TỔ CHỨC THỰC HIỆN
            1. Sở Tư pháp
            a) Chủ trì, phối hợp với Sở Nội vụ rà soát văn bản.
            2. Giao Sở Y tế chủ trì tập huấn phòng dịch.
            3. Nâng cấp cổng dịch vụ công
            - Cơ quan chủ trì: Sở Tài chính
            """);

        Assert.Equal("agency heading: “Sở Tư pháp”", Task(plan, "III.1.a").Assignments.Single(a => a.Agency == "Sở Tư pháp").Why);
        Assert.StartsWith("named in the task with its role word: “Chủ trì, phối hợp với Sở Nội vụ", Task(plan, "III.1.a").Assignments.Single(a => a.Agency == "Sở Nội vụ").Why, StringComparison.Ordinal);
        Assert.StartsWith("named where the sentence starts: “", Task(plan, "III.2").Assignments.Single().Why, StringComparison.Ordinal);
        Assert.Contains(plan.Tasks.SelectMany(t => t.Assignments), a => a.Agency == "Sở Tài chính" && a.Why == "labelled field: “Cơ quan chủ trì: Sở Tài chính”");
    }

    [Theory]
    [InlineData("Quý IV/2025", "2025-12-31")]
    [InlineData("Quý II/2027", "2027-06-30")]
    [InlineData("Quý I/2030.", "2030-03-31")]
    [InlineData("quý 3/2026", "2026-09-30")]
    [InlineData("Quí II năm 2026", "2026-06-30")]
    [InlineData("Quý III", "2026-09-30")]
    [InlineData("Quý IV/2025 - Quý II/2026", "2026-06-30")]
    [InlineData("6 tháng đầu năm 2026", "2026-06-30")]
    [InlineData("6 tháng cuối năm", "2026-12-31")]
    [InlineData("Năm 2027", "2027-12-31")]
    [InlineData("2025 - 2030", "2030-12-31")]
    [InlineData("Trước ngày 15/9/2026", "2026-09-15")]
    [InlineData("Thường xuyên", null)]
    public void DeadlinesInADueColumnOrField_MeanThePeriodsLastDay(string text, string? expected)
    {
        Assert.Equal(expected is null ? null : DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), DateReader.ReadDeadline(text, 2026));
    }

    [Fact]
    public void TaskDeadlines_InTheWaysPlansWriteThem()
    {
        var plan = Extract("""
            III. TỔ CHỨC THỰC HIỆN
            1. Sở Tư pháp
            a) Ban hành kế hoạch trong tháng 03/2026.
            b) Hoàn thành việc rà soát trước ngày 28/2/2026.
            c) Thực hiện thường xuyên.
            d) Thời gian hoàn tất: trước ngày 15 tháng 9 năm 2026.
            e) Rà soát quy hoạch ngành, hoàn thành trong Quý II/2026.
            g) Tổ chức sơ kết, hoàn thành trong 6 tháng đầu năm.
            h) Xây dựng kế hoạch năm 2027 về chuyển đổi số.
            i) Tổng kết chương trình, hoàn thành trong năm 2027.
            """);

        Assert.Equal(new DateOnly(2026, 3, 31), Task(plan, "III.1.a").Due);
        Assert.Equal(new DateOnly(2026, 2, 28), Task(plan, "III.1.b").Due);
        Assert.Equal("Thường xuyên", Task(plan, "III.1.c").DueText);
        Assert.Equal(new DateOnly(2026, 9, 15), Task(plan, "III.1.d").Due);
        Assert.Equal((new DateOnly(2026, 6, 30), "trong Quý II/2026"), (Task(plan, "III.1.e").Due, Task(plan, "III.1.e").DueText));
        Assert.Equal(new DateOnly(2026, 6, 30), Task(plan, "III.1.g").Due);
        Assert.Null(Task(plan, "III.1.h").Due);
        Assert.Equal(new DateOnly(2027, 12, 31), Task(plan, "III.1.i").Due);
    }

    [Fact]
    public void RepeatedNumbering_GivesUniqueIds()
    {
        var plan = Extract("""
            III. TỔ CHỨC THỰC HIỆN
            1. Sở Tư pháp
            a) Rà soát văn bản.
            1. Sở Y tế
            a) Hướng dẫn các cơ sở.
            """);

        Assert.Equal(plan.Tasks.Count, plan.Tasks.Select(t => t.Id).Distinct().Count());
        Assert.Contains(plan.Tasks, t => t.Id == "III.1.a#2" && t.Assignments[0].Agency == "Sở Y tế");
    }

    [Fact]
    public void NumberingPast99_IsStillRead()
    {
        var body = string.Concat(Enumerable.Range(1, 101).Select(i => $"{i}. Sở Tư pháp\na) Việc số {i}.\n"));

        var plan = Extract("III. TỔ CHỨC THỰC HIỆN\n" + body);

        Assert.Equal("Việc số 101.", Task(plan, "III.101.a").Text);
    }

    [Fact]
    public void UnknownAgencyInAHeading_IsKept_AndFlaggedForReview()
    {
        var plan = Extract("""
            III. TỔ CHỨC THỰC HIỆN
            1. Trung tâm Lưu trữ lịch sử
            a) Số hóa tài liệu lưu trữ.
            """);

        Assert.Equal("lead:Trung tâm Lưu trữ lịch sử", Who(Task(plan, "III.1.a")));
        Assert.Contains("Trung tâm Lưu trữ lịch sử", plan.AgenciesToReview);
    }

    [Fact]
    public void TopicHeadings_AreNotMistakenForAgencies()
    {
        var plan = Extract("""
            II. NHIỆM VỤ TRỌNG TÂM
            1. Ban hành văn bản hướng dẫn
            Tiếp tục ban hành các văn bản hướng dẫn.
            """);

        Assert.Empty(Task(plan, "II.1").Assignments);
    }

    [Fact]
    public void PurposeAndFundingSections_AreNotTasks()
    {
        var plan = Extract("II. KINH PHÍ\n1. Nguồn kinh phí\nKinh phí từ ngân sách.\nIII. TỔ CHỨC THỰC HIỆN\n1. Sở Tư pháp\na) Rà soát.");

        Assert.DoesNotContain(plan.Tasks, t => t.Id.StartsWith("I.", StringComparison.Ordinal) || t.Id.StartsWith("II.", StringComparison.Ordinal));
    }

    [Fact]
    public void NoisyText_HyphenatedBreaksAndToneVariants_ReadTheSame()
    {
        var plan = Extract("""
            III. TỔ CHỨC THỰC HIỆN
            1. Uỷ ban nhân dân xã, phường
            a)   Triển  khai Kết luận số 125-
            KL/TW   trên   địa bàn.
            """);

        var task = Task(plan, "III.1.a");
        Assert.Equal("Triển khai Kết luận số 125-KL/TW trên địa bàn.", task.Text);
        Assert.Equal("lead:Ủy ban nhân dân xã, phường", Who(task));
    }

    [Fact]
    public void CommuneAndProvinceAgencies_StayApart()
    {
        var plan = Extract("""
            III. TỔ CHỨC THỰC HIỆN
            1. Công an xã
            a) Phối hợp với Công an tỉnh bảo đảm an ninh.
            """);

        Assert.Equal("support:Công an xã; lead:Công an tỉnh", Who(Task(plan, "III.1.a")));
    }
}
