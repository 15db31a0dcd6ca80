using CoordinationBot.Core.Agencies;
using CoordinationBot.Core.StatusReports;

namespace CoordinationBot.Core.Tests.StatusReports;

public sealed class RoundProgressTests
{
    [Fact]
    public void AReportUnderTheSuccessorsName_CountsForTheMergedDepartmentThePlanNames()
    {
        string[] assigned = ["Sở Thông tin và Truyền thông", "Sở Nội vụ", "Sở Tài chính"];
        string[] reported = ["Sở Khoa học và Công nghệ", "Sở Tài chính"];

        Assert.Equal(["Sở Nội vụ"], RoundProgress.Missing(assigned, reported, AgencyRegistry.Default));
        Assert.Equal(2, RoundProgress.ReportedCount(assigned, reported, AgencyRegistry.Default));
    }
}
