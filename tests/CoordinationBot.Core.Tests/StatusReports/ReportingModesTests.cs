using CoordinationBot.Core.StatusReports;

namespace CoordinationBot.Core.Tests.StatusReports;

public sealed class ReportingModesTests
{
    [Theory]
    [InlineData("yêu cầu báo cáo kế hoạch 21/KH-UBND năm 2026, phối hợp gửi chủ trì", "yêu cầu báo cáo kế hoạch 21/KH-UBND năm 2026")]
    [InlineData("yeu cau bao cao ke hoach 21/KH-UBND phoi hop bao cao co quan chu tri nam 2026", "yeu cau bao cao ke hoach 21/KH-UBND nam 2026")]
    [InlineData("yêu cầu báo cáo kế hoạch 21/KH-UBND năm 2026 qua đơn vị chủ trì", "yêu cầu báo cáo kế hoạch 21/KH-UBND năm 2026")]
    public void TheChainWords_AskForAChainRound_AndAreTakenOutOfThePlansName(string text, string others)
    {
        Assert.Equal((ReportingMode.SupportsToLead, others), ReportingModes.Read(text));
    }

    [Theory]
    [InlineData("yêu cầu báo cáo kế hoạch phối hợp liên ngành năm 2026")]
    [InlineData("yêu cầu báo cáo kế hoạch 21/KH-UBND năm 2026")]
    public void APlanAboutCoordination_IsNotAChainRound(string text)
    {
        Assert.Equal((ReportingMode.ToFocal, text), ReportingModes.Read(text));
    }
}
