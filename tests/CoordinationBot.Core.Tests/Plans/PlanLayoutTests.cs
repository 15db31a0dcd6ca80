using CoordinationBot.Core.Agencies;
using CoordinationBot.Core.Plans;
using CoordinationBot.Core.Plans.Extraction;
using static CoordinationBot.Core.Tests.Plans.PlanReading;

namespace CoordinationBot.Core.Tests.Plans;

/// <summary>The layouts plans of any issuer use, each in a small text written for these tests.</summary>
public sealed class PlanLayoutTests
{
    [Fact]
    public void LabelledFields_BrokenAcrossLines_AreFieldsOfTheTaskAbove()
    {
        var plan = Extract("""

            II. NỘI
            DUNG

            1. Tổ chức tập huấn nghiệp vụ cho
            cán bộ làm công tác lưu trữ

            - Cơ quan chủ trì: Bộ Nội
            vụ.

            - Cơ quan phối hợp: Bộ Tài chính, Ủy ban nhân dân các tỉnh,
            thành phố trực thuộc trung ương.

            - Thời gian thực hiện: trước
            ngày 30 tháng 6 năm 2026.

            2. Xây dựng cơ sở dữ liệu lưu trữ

            - Cơ quan thực hiện: Bộ Nội vụ.

            """);

        var first = Task(plan, "II.1");
        Assert.Contains("Tổ chức tập huấn nghiệp vụ cho cán bộ làm công tác lưu trữ", first.Text, StringComparison.Ordinal);
        Assert.Equal("lead:Bộ Nội vụ; support:Bộ Tài chính; support:Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương", Who(first));
        Assert.Equal(new DateOnly(2026, 6, 30), first.Due);
        Assert.Equal("lead:Bộ Nội vụ", Who(Task(plan, "II.2")));
        Assert.DoesNotContain(plan.Tasks, t => t.Text.StartsWith("Cơ quan chủ trì", StringComparison.Ordinal));
    }

    [Fact]
    public void LabelsAfterAGroupOfBullets_ApplyToEachBulletOfTheGroup()
    {
        var plan = Extract("""

            III. NHIỆM VỤ, GIẢI PHÁP

            1. Kiện toàn đội ngũ

            - Rà soát vị trí việc làm của công
            chức pháp chế.

            - Bố trí đủ biên chế cho bộ phận pháp chế.

            Đơn vị chủ trì thực hiện: Các Sở, ngành, đơn vị, UBND cấp xã.

            Đơn vị phối hợp: Sở Nội vụ.

            - Mở lớp bồi dưỡng kỹ năng soạn thảo văn bản.

            Đơn vị chủ trì (tham mưu) thực hiện: Sở Tư pháp.

            """);

        Assert.Equal("lead:Các Sở, ngành, đơn vị; lead:UBND cấp xã; support:Sở Nội vụ", Who(Task(plan, "III.1.1")));
        Assert.Equal(Who(Task(plan, "III.1.1")), Who(Task(plan, "III.1.2")));
        Assert.Equal("lead:Sở Tư pháp", Who(Task(plan, "III.1.3")));
    }

    [Fact]
    public void CellPerLineTable_WithGroupAndContinuationRows_BecomesTasks()
    {
        var plan = Extract("""
            II. NHIỆM VỤ
            Các nhiệm vụ cụ thể tại Phụ lục kèm theo.

            PHỤ LỤC

            |
            TT
            |
            Nội dung
            |
            Cơ quan chủ trì
            |
            Cơ quan phối hợp
            |
            Thời gian hoàn thành
            |
            |
            I
            |
            Hạ tầng
            |
            |
            1
            |
            Nâng cấp trung tâm dữ
            liệu của tỉnh.
            |
            Sở Khoa học và Công nghệ
            |
            Sở Tài chính
            |
            Quý IV/2026
            |
            |
            Thuê dịch vụ sao lưu dữ liệu dự phòng.
            |
            Sở Khoa học và Công nghệ
            |
            |
            """);

        var row = Task(plan, "PL.I.1");
        Assert.Equal("Nâng cấp trung tâm dữ liệu của tỉnh.", row.Text);
        Assert.Equal("lead:Sở Khoa học và Công nghệ; support:Sở Tài chính", Who(row));
        Assert.Equal("lead:Sở Khoa học và Công nghệ", Who(Task(plan, "PL.I.1.b")));
    }

    [Fact]
    public void PipeTableInTheAppendix_NumbersRowsWithinTheirGroup()
    {
        var plan = Extract("""
            II. NHIỆM VỤ
            1. Các sở thực hiện theo Phụ lục.
            PHỤ LỤC
            | STT | NHIỆM VỤ | CHỦ TRÌ | PHỐI HỢP | THỜI GIAN |
            |---|---|---|---|---|
            | I | NHÓM GIẢI PHÁP VỀ THỂ CHẾ |  |  |  |
            | 1 | Ban hành quy chế phối hợp. | Sở Tư pháp | Sở Nội vụ; Văn phòng UBND tỉnh | 2026 |
            | II | NHÓM GIẢI PHÁP VỀ NHÂN LỰC |  |  |  |
            | 1 | Đào tạo chuyên gia. | Sở Nội vụ | Sở, ban, ngành có liên quan | Thường xuyên |
            """);

        Assert.Equal("lead:Sở Tư pháp; support:Sở Nội vụ; support:Văn phòng Ủy ban nhân dân tỉnh", Who(Task(plan, "PL.I.1")));
        Assert.Equal("lead:Sở Nội vụ", Who(Task(plan, "PL.II.1")).Split("; ")[0]);
    }

    [Fact]
    public void AssignmentsInSentences_LeadAndSupportFromTheWording()
    {
        var plan = Extract("""
            II. NHIỆM VỤ, GIẢI PHÁP
            1. Về y tế
            a) Bộ Y tế tiếp tục hướng dẫn các địa phương phòng, chống dịch bệnh.
            b) Giao Sở Xây dựng chủ trì, phối hợp với Sở Tài chính rà soát các công trình.
            c) Ủy ban nhân dân thành phố Cần Thơ, thành phố Huế và tỉnh Gia Lai hỗ trợ vật tư y tế.
            d) Trung tâm Kiểm soát bệnh tật Thành phố chủ trì phối hợp với Bệnh viện Đa khoa Thành phố tổ chức tiêm chủng.
            """);

        Assert.Equal("lead:Bộ Y tế", Who(Task(plan, "II.1.a")));
        Assert.Equal("lead:Sở Xây dựng; support:Sở Tài chính", Who(Task(plan, "II.1.b")));
        Assert.Equal("lead:Ủy ban nhân dân thành phố Cần Thơ; lead:Ủy ban nhân dân thành phố Huế; lead:Ủy ban nhân dân tỉnh Gia Lai", Who(Task(plan, "II.1.c")));
        Assert.Equal("lead:Trung tâm Kiểm soát bệnh tật Thành phố; support:Bệnh viện Đa khoa Thành phố", Who(Task(plan, "II.1.d")));
    }

    [Fact]
    public void MultiLevelNumbering_AndASentenceHeadingEndingInAColon_AssignTheItemsUnderThem()
    {
        var plan = Extract("""
            II. CÁC NHIỆM VỤ TRỌNG TÂM
            1. Về an sinh xã hội
            1.1. Hỗ trợ nhà ở
            Ủy ban nhân dân các tỉnh, thành phố:
            a) Rà soát các hộ có nhà bị hư hỏng.
            1.2. Hỗ trợ tín dụng
            a) Ngân hàng Nhà nước Việt Nam chỉ đạo Ngân hàng Chính sách xã hội:
            - Giãn nợ cho khách hàng bị thiệt hại.
            """);

        Assert.Contains("lead:Ủy ban nhân dân các tỉnh, thành phố", Who(Task(plan, "II.1.1.a")), StringComparison.Ordinal);
        var directed = Who(Task(plan, "II.1.2.a.1"));
        Assert.Contains("Ngân hàng Nhà nước Việt Nam", directed, StringComparison.Ordinal);
        Assert.Contains("Ngân hàng Chính sách xã hội", directed, StringComparison.Ordinal);
    }

    [Fact]
    public void ADepartmentsOwnPlan_NamesItsFocalUnitInASentence_AndUnitNamesKeepTheirCommas()
    {
        var plan = Extract("""
            II. NHIỆM VỤ CỤ THỂ
            | STT | Nội dung nhiệm vụ | Đơn vị chủ trì | Đơn vị phối hợp | Thời gian hoàn thành |
            | 1 | Tập huấn kỹ năng cho công chức | Phòng Tổ chức, biên chế | Văn phòng Sở | Quý III/2026 |
            III. TỔ CHỨC THỰC HIỆN
            Văn phòng Sở là đơn vị đầu mối, theo dõi, đôn đốc thực hiện Kế hoạch.
            """);

        Assert.Equal("lead:Phòng Tổ chức, biên chế; support:Văn phòng Sở", Who(Task(plan, "II.1")));
        Assert.Equal("Văn phòng Sở", plan.FocalAgency);
        Assert.DoesNotContain(plan.Tasks.SelectMany(t => t.Assignments), a => a.Agency.EndsWith(" là", StringComparison.Ordinal));
    }

    [Fact]
    public void AReportingRuleRepeatedInEveryTask_IsOneRule()
    {
        var plan = Extract("""
            III. TỔ CHỨC THỰC HIỆN
            1. Sở Y tế
            a) Tổ chức tiêm chủng, báo cáo kết quả trước ngày 15 tháng 6 năm 2026.
            b) Kiểm tra an toàn thực phẩm, báo cáo kết quả trước ngày 15 tháng 6 năm 2026.
            2. Sở Tài chính
            Bố trí kinh phí, báo cáo kết quả trước ngày 15 tháng 6 năm 2026.
            """);

        var rule = Assert.Single(plan.Reporting);
        Assert.Equal([new DateOnly(2026, 6, 15)], rule.Dues);
    }

    [Fact]
    public void ATaskEndingInAnAgencyNameAndAComma_IsRead()
    {
        var plan = Extract("""
            III. TỔ CHỨC THỰC HIỆN
            1. Sở Y tế
            a) Chủ trì tổ chức tiêm chủng, phối hợp với Ban Quản lý Khu Kinh Tế,
            """);

        Assert.Equal("lead:Sở Y tế; support:Ban Quản lý Khu Kinh Tế", Who(Task(plan, "III.1.a")));
    }
    [Fact]
    public void AMinistrysOwnPlan_InsideItsDecision_GivesTasksToItsUnits_ByHowTheirNamesAreBuilt()
    {
        var plan = PlanExtractor.Default.Extract("""
            BỘ XÂY DỰNG
            Số: 77/QĐ-BXD
            Hà Nội, ngày 05 tháng 02 năm 2026
            QUYẾT ĐỊNH
            Ban hành Kế hoạch số hóa hồ sơ năm 2026 của Bộ Xây dựng
            BỘ TRƯỞNG BỘ XÂY DỰNG
            Căn cứ Nghị định số 33/2025/NĐ-CP của Chính phủ;
            QUYẾT ĐỊNH:
            Điều 1. Ban hành kèm theo Quyết định này Kế hoạch số hóa hồ sơ năm 2026.
            Điều 2. Quyết định này có hiệu lực kể từ ngày ký.
            KẾ HOẠCH
            Số hóa hồ sơ năm 2026
            (Kèm theo Quyết định số 77/QĐ-BXD ngày 05/02/2026 của Bộ trưởng Bộ Xây dựng)
            II. NHIỆM VỤ
            1. Số hóa hồ sơ cấp phép xây dựng.
            Đơn vị thực hiện: Cục Quản lý hoạt động xây dựng; thời gian: Quý III/2026.
            2. Nâng cấp cổng dịch vụ công của Bộ. Trung tâm Công nghệ thông tin chủ trì, phối hợp với Văn phòng Bộ thực hiện.
            3. Vụ Kế hoạch tài chính là đơn vị bảo đảm kinh phí thực hiện.
            III. TỔ CHỨC THỰC HIỆN
            Văn phòng Bộ là đơn vị đầu mối theo dõi. Định kỳ hằng quý, trước ngày 20 của tháng cuối quý, các đơn vị báo cáo kết quả gửi Văn phòng Bộ để tổng hợp.
            """);

        Assert.Equal("Ban hành Kế hoạch số hóa hồ sơ năm 2026 của Bộ Xây dựng", plan.Title);
        Assert.DoesNotContain(plan.Implements, r => r.Number == "77/QĐ-BXD");
        var first = Task(plan, "II.1");
        Assert.Equal(("lead:Cục Quản lý hoạt động xây dựng", new DateOnly(2026, 9, 30)), (Who(first), first.Due));
        Assert.Equal("lead:Trung tâm Công nghệ thông tin; support:Văn phòng Bộ", Who(Task(plan, "II.2")));
        Assert.Equal("lead:Vụ Kế hoạch tài chính", Who(Task(plan, "II.3")));
        var rule = Assert.Single(plan.Reporting);
        Assert.Equal((ReportingCadence.Quarterly, "Văn phòng Bộ"), (rule.Cadence, rule.Via));
        Assert.Equal([new DateOnly(2026, 3, 20)], rule.Dues);
    }
    [Fact]
    public void ACommunesPlan_NamesItsOwnFront_NotTheProvinces_AndReportsHalfYearlyAndYearly()
    {
        var plan = Extract("""
            II. NHIỆM VỤ
            1. Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam xã vận động nhân dân tham gia Tổ công nghệ số cộng đồng.
            2. Ủy ban Mặt trận Tổ quốc xã Bình An chủ trì tổ chức ngày hội chuyển đổi số.
            III. TỔ CHỨC THỰC HIỆN
            Các đơn vị báo cáo kết quả 6 tháng (trước ngày 10/6) và năm (trước ngày 10/12) về Văn phòng Hội đồng nhân dân và Ủy ban nhân dân xã để tổng hợp.
            """);

        var front = AgencyRegistry.Default.FindExact(Task(plan, "II.1").Assignments.Single().Agency);
        Assert.Equal(AgencyLevel.Commune, front!.Level);
        Assert.DoesNotContain(plan.Tasks.SelectMany(t => t.Assignments), a => a.Agency.Contains("tỉnh", StringComparison.Ordinal));
        Assert.Equal([ReportingCadence.Semiannual, ReportingCadence.Annual], plan.Reporting.Select(r => r.Cadence));
    }
}
