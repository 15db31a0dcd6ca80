using CoordinationBot.Core.Plans.Extraction;
using CoordinationBot.Core.Agencies;

namespace CoordinationBot.Core.Tests.Agencies;

public sealed class AgencyRegistryTests
{
    private readonly AgencyRegistry registry = AgencyRegistry.Default;

    [Theory]
    [InlineData("Các sở, ban, ngành", "Sở Tư pháp", true)]
    [InlineData("Các sở, ban, ngành tỉnh", "Ban Dân tộc", true)]
    [InlineData("UBND các xã, phường", "Ủy ban nhân dân xã Hòa Mẫu", true)]
    [InlineData("Ủy ban nhân dân cấp xã", "Ủy ban nhân dân phường Bình Minh", true)]
    [InlineData("Các bộ, cơ quan ngang bộ, cơ quan thuộc Chính phủ", "Bộ Tư pháp", true)]
    [InlineData("Các sở, ban, ngành", "Ủy ban nhân dân xã Hòa Mẫu", false)]
    [InlineData("UBND các xã, phường", "Sở Tư pháp", false)]
    [InlineData("Sở Tư pháp", "Sở Nội vụ", false)]
    [InlineData("Các sở, ban, ngành", "Các sở, ban, ngành", true)]
    public void AGroup_CoversTheAgenciesItStandsFor_AndNoOthers(string assigned, string agency, bool covered)
    {
        Assert.Equal(covered, registry.Covers(assigned, agency));
    }

    [Theory]
    [InlineData("Sở VHTTDL", "Sở Văn hóa, Thể thao và Du lịch")]
    [InlineData("so van hoa the thao va du lich", "Sở Văn hóa, Thể thao và Du lịch")]
    [InlineData("Sở TT&TT", "Sở Thông tin và Truyền thông")]
    [InlineData("UBND tỉnh", "Ủy ban nhân dân tỉnh")]
    [InlineData("Uỷ ban nhân dân tỉnh", "Ủy ban nhân dân tỉnh")]
    [InlineData("BCHQS tỉnh", "Bộ Chỉ huy Quân sự tỉnh")]
    [InlineData("Ủy ban MTTQ tỉnh", "Ủy ban Mặt trận Tổ quốc tỉnh")]
    public void FindExact_KnowsAbbreviationsAndVariants(string name, string canonical)
    {
        Assert.Equal(canonical, registry.FindExact(name)?.Name);
    }

    [Fact]
    public void Current_FollowsSuccessions_From2025()
    {
        var old = registry.FindExact("Sở Thông tin và Truyền thông")!;

        var current = registry.Current(old);

        Assert.Equal("Sở Khoa học và Công nghệ", current.Name);
        Assert.Equal(new DateOnly(2025, 3, 1), old.SuccessorSince);
        Assert.Equal("Ủy ban nhân dân xã, phường", registry.Current(registry.FindExact("UBND huyện, thành phố")!).Name);
    }

    [Fact]
    public void FindMentions_PrefersTheLongestName()
    {
        var tokens = CoordinationBot.Core.Text.Tokenizer.Tokenize("Phối hợp với Văn phòng Ủy ban nhân dân tỉnh và Công an tỉnh");

        var mentions = registry.FindMentions(tokens, 0, tokens.Count);

        Assert.Equal(["Văn phòng Ủy ban nhân dân tỉnh", "Công an tỉnh"], mentions.Select(m => m.Agency.Name));
    }

    [Fact]
    public void Succession_IsData_ACustomRegistryCanChainIt()
    {
        var custom = new AgencyRegistry(
        [
            new Agency("a", "Phòng A", AgencyLevel.Commune, [], SuccessorId: "b"),
            new Agency("b", "Phòng B", AgencyLevel.Commune, [], SuccessorId: "c"),
            new Agency("c", "Phòng C", AgencyLevel.Commune, []),
        ]);

        Assert.Equal("Phòng C", custom.Current(custom.Get("a")!).Name);
    }
    [Fact]
    public void AProvincesOwnAgencies_AreItsOnly_AndThePlansIssuerChoosesThem()
    {
        var tuyenQuang = AgencyRegistry.ForIssuer("ỦY BAN NHÂN DÂN TỈNH TUYÊN QUANG");
        var dongThap = AgencyRegistry.ForIssuer("ỦY BAN NHÂN DÂN TỈNH ĐỒNG THÁP");
        var ministry = AgencyRegistry.ForIssuer("BỘ NỘI VỤ");

        Assert.Equal("Tuyên Quang", tuyenQuang.Province);
        Assert.Null(dongThap.Province);
        Assert.Same(AgencyRegistry.Default, ministry);
        Assert.Same(tuyenQuang, AgencyRegistry.ForProvince("tuyen quang"));
        Assert.Equal("Báo Tuyên Quang", tuyenQuang.FindExact("Báo và Phát thanh, Truyền hình tỉnh")!.Name);
        Assert.Equal("Báo và Phát thanh, Truyền hình tỉnh", dongThap.FindExact("Báo và Phát thanh, Truyền hình tỉnh")!.Name);
        Assert.Equal("Báo và Phát thanh, Truyền hình tỉnh", dongThap.Current(dongThap.FindExact("Đài Phát thanh và Truyền hình tỉnh")!).Name);
        Assert.NotNull(tuyenQuang.FindExact("Ủy ban nhân dân tỉnh Tuyên Quang"));
        Assert.Null(dongThap.FindExact("Ủy ban nhân dân tỉnh Tuyên Quang"));
        Assert.Equal(dongThap.Agencies.Count, tuyenQuang.Agencies.Count);
    }

    [Fact]
    public void APlanOfTheProvince_IsReadWithItsOwnAgencies_APlanOfAnother_WithoutThem()
    {
        string Plan(string province) => $"ỦY BAN NHÂN DÂN\nTỈNH {province.ToUpperInvariant()}\nSố: 12/KH-UBND\n{province}, ngày 05 tháng 3 năm 2026\nKẾ HOẠCH\nTuyên truyền năm 2026\n"
            + $"II. NHIỆM VỤ\n1. Báo {province} chủ trì mở chuyên mục chuyển đổi số.";

        Assert.Empty(PlanExtractor.Default.Extract(Plan("Tuyên Quang")).AgenciesToReview);
        Assert.Equal(["Báo Hà Giang"], PlanExtractor.Default.Extract(Plan("Hà Giang")).AgenciesToReview);
    }
}
