using CoordinationBot.Core.Consolidation;
using CoordinationBot.Core.Plans;

namespace CoordinationBot.Core.Tests.Consolidation;

public sealed class ReportAuthorityTests
{
    private static Plan PlanOf(string? issuer, string? focal, params ReportingRule[] rules) =>
        new("KH", "21/KH-UBND", issuer, null, 2026, "Kế hoạch thử", [], focal, rules, [], []);

    [Fact]
    public void ADepartmentThatConsolidates_IssuesTheReport_UnderItsCommittee_ToTheCommitteeThePlanReportsTo()
    {
        var authority = ReportAuthority.For(PlanOf("ỦY BAN NHÂN DÂN TỈNH TUYÊN QUANG", "Sở Khoa học và Công nghệ",
            new ReportingRule(ReportingCadence.Semiannual, [], "Ủy ban nhân dân tỉnh", "Sở Khoa học và Công nghệ", "báo cáo")));

        Assert.Equal("UBND TỈNH TUYÊN QUANG", authority.Superior);
        Assert.Equal("SỞ KHOA HỌC VÀ CÔNG NGHỆ", authority.Issuer);
        Assert.Equal("SKHCN", authority.Code);
        Assert.Equal("Ủy ban nhân dân tỉnh Tuyên Quang", authority.Recipient);
        Assert.Equal("Tuyên Quang", authority.Place);
        Assert.Equal(["GIÁM ĐỐC"], authority.Signature);
    }

    [Theory]
    [InlineData("Sở Giáo dục và Đào tạo", "SGDĐT", "GIÁM ĐỐC")]
    [InlineData("Văn phòng Ủy ban nhân dân tỉnh", "VPUBNDT", "CHÁNH VĂN PHÒNG")]
    [InlineData("Ban Quản lý các khu công nghiệp tỉnh", "BQLCKCNT", "TRƯỞNG BAN")]
    [InlineData("Thanh tra tỉnh", "TTT", "CHÁNH THANH TRA")]
    [InlineData("Bộ Chỉ huy Quân sự tỉnh", "BCHQST", "CHỈ HUY TRƯỞNG")]
    public void EachKindOfAgency_SignsWithItsHeadsTitle_AndNumbersWithItsInitials(string focal, string code, string title)
    {
        var authority = ReportAuthority.For(PlanOf("ỦY BAN NHÂN DÂN TỈNH BẮC NINH", focal));

        Assert.Equal(code, authority.Code);
        Assert.Equal([title], authority.Signature);
        Assert.Equal("Ủy ban nhân dân tỉnh Bắc Ninh", authority.Recipient);
    }

    [Fact]
    public void AMinistryThatConsolidates_HasNoLocalSuperior_AndReportsToThePrimeMinister()
    {
        var authority = ReportAuthority.For(PlanOf("THỦ TƯỚNG CHÍNH PHỦ", "Bộ Công an",
            new ReportingRule(ReportingCadence.Annual, [], "Thủ tướng Chính phủ", "Bộ Công an", "báo cáo")));

        Assert.Null(authority.Superior);
        Assert.Equal("BỘ CÔNG AN", authority.Issuer);
        Assert.Equal("BCA", authority.Code);
        Assert.Equal("Thủ tướng Chính phủ", authority.Recipient);
        Assert.Equal(["BỘ TRƯỞNG"], authority.Signature);
    }

    [Fact]
    public void APlanWithNoFocalAgency_IsReportedOnByItsCommittee()
    {
        var authority = ReportAuthority.For(PlanOf("Ủy ban nhân dân xã Hòa An", null));

        Assert.Null(authority.Superior);
        Assert.Equal("ỦY BAN NHÂN DÂN XÃ HÒA AN", authority.Issuer);
        Assert.Equal("UBND", authority.Code);
        Assert.Equal("Hòa An", authority.Place);
        Assert.Equal(["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"], authority.Signature);
    }

    [Theory]
    [InlineData("ỦY BAN NHÂN DÂN TỈNH BẮC NINH", "Sở Giáo dục và Đào tạo", "KT. GIÁM ĐỐC|PHÓ GIÁM ĐỐC")]
    [InlineData("ỦY BAN NHÂN DÂN TỈNH BẮC NINH", "Văn phòng Ủy ban nhân dân tỉnh", "KT. CHÁNH VĂN PHÒNG|PHÓ CHÁNH VĂN PHÒNG")]
    [InlineData("THỦ TƯỚNG CHÍNH PHỦ", "Bộ Công an", "KT. BỘ TRƯỞNG|THỨ TRƯỞNG")]
    [InlineData("Ủy ban nhân dân xã Hòa An", null, "TM. ỦY BAN NHÂN DÂN|KT. CHỦ TỊCH|PHÓ CHỦ TỊCH")]
    public void ADeputy_SignsOnTheHeadsBehalf_AsTheDecreeWritesIt(string issuer, string? focal, string expected)
    {
        Assert.Equal(expected.Split('|'), ReportAuthority.For(PlanOf(issuer, focal)).SignedByDeputy().Signature);
    }

    [Theory]
    [InlineData("tổng hợp kế hoạch 21/KH-UBND năm 2026 ký thay", true, "tổng hợp kế hoạch 21/KH-UBND năm 2026")]
    [InlineData("tong hop ke hoach 21 KT nam 2026", true, "tong hop ke hoach 21 nam 2026")]
    [InlineData("tổng hợp kế hoạch phát triển KT-XH năm 2026", false, "tổng hợp kế hoạch phát triển KT-XH năm 2026")]
    public void TheDeputysSignature_IsAskedForInTheCommand(string text, bool deputy, string others)
    {
        Assert.Equal((deputy, others), DeputySigning.Read(text));
    }
}
