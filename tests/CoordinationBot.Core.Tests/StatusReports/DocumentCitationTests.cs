using CoordinationBot.Core.StatusReports;

namespace CoordinationBot.Core.Tests.StatusReports;

public sealed class DocumentCitationTests
{
    [Theory]
    [InlineData("Kế hoạch số 123/KH-SKHCN ngày 05/3/2026")]
    [InlineData("Quyết định 45/QĐ-UBND")]
    [InlineData("Nghị định số 12/2025/NĐ-CP ngày 15/01/2025")]
    [InlineData("Chương trình hành động số 18-CTr/TU")]
    [InlineData("Công văn 1520/SNV-CCVC ngày 1/12/2026")]
    public void ADocumentNumberAsVietnameseDocumentsAreNumbered_IsACitation(string text) => Assert.True(DocumentCitation.IsValid(text));

    [Theory]
    [InlineData("đã có văn bản")]
    [InlineData("123")]
    [InlineData("Kế hoạch số 123/KH-SKHCN ngày 31/02/2026")]
    [InlineData("xem tại https://example.org/a/b")]
    [InlineData("2026/06/30")]
    public void AnythingElse_IsNot(string text) => Assert.False(DocumentCitation.IsValid(text));
}
