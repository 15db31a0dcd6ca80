using System.Text;
using CoordinationBot.Core.Text;

namespace CoordinationBot.Core.Tests.Text;

public sealed class VietnameseTextTests
{
    [Theory]
    [InlineData("Sở Ngoại vụ", "so ngoai vu")]
    [InlineData("ĐẢNG ỦY", "dang uy")]
    [InlineData("Ủy ban", "uy ban")]
    [InlineData("Uỷ ban", "uy ban")]
    [InlineData("Văn hóa", "van hoa")]
    [InlineData("Văn hoá", "van hoa")]
    [InlineData("  Sở   TT&TT,\r\n tỉnh! ", "so tt&tt tinh")]
    [InlineData("trợ giúp?", "tro giup")]
    public void Fold_RemovesDiacriticsCaseAndPunctuation(string input, string expected)
    {
        Assert.Equal(expected, VietnameseText.Fold(input));
    }

    [Fact]
    public void Fold_DecomposedAndComposedInput_FoldAlike()
    {
        const string Composed = "Thể thao";
        var decomposed = Composed.Normalize(NormalizationForm.FormD);

        Assert.NotEqual(Composed, decomposed);
        Assert.Equal(VietnameseText.Fold(Composed), VietnameseText.Fold(decomposed));
    }

    [Fact]
    public void Normalize_ComposesAndCollapsesWhitespace_ButKeepsDiacritics()
    {
        var input = "  Kế   hoạch\r\nsố 62 ".Normalize(NormalizationForm.FormD);

        var normalized = VietnameseText.Normalize(input);

        Assert.Equal("Kế hoạch số 62", normalized);
        Assert.True(normalized.IsNormalized(NormalizationForm.FormC));
    }

    [Theory]
    [InlineData("Báo cáo\uFFFF quý", "Báo cáo quý")]
    [InlineData("Báo\uFFFE cáo quý\u0007", "Báo cáo quý")]
    [InlineData("Dòng một\nDòng hai", "Dòng một\nDòng hai")]
    public void Clean_DropsWhatXmlAndCardsCannotHold_KeepsLineBreaks(string typed, string expected)
    {
        Assert.Equal(expected, VietnameseText.Clean(typed));
    }

    [Fact]
    public void Clean_DropsAnUnpairedSurrogate_KeepsAPairedOne()
    {
        Assert.Equal("ab😀", VietnameseText.Clean("a" + (char)0xD800 + "b😀"));
    }

    [Fact]
    public void FoldAndNormalize_TextWithNoncharacters_DoNotThrow()
    {
        Assert.Equal("so tai chinh", VietnameseText.Fold("Sở Tài\uFFFF chính"));
        Assert.Equal("Sở Tài chính", VietnameseText.Normalize("Sở Tài\uFFFE chính"));
    }
}
