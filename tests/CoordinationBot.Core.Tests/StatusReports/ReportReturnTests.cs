using CoordinationBot.Core.StatusReports;

namespace CoordinationBot.Core.Tests.StatusReports;

public sealed class ReportReturnTests
{
    private static readonly DateTimeOffset Monday = new(2026, 12, 7, 2, 0, 0, TimeSpan.Zero);

    [Fact]
    public void AReturn_IsOutstanding_UntilTheAgencySendsAReportAfterIt_AndOnlyTheLatestCounts()
    {
        var returns = new[] { Return("Sở Y tế", "lần 1", 0), Return("Sở Y tế", "lần 2", 2), Return("Sở Tài chính", "bổ sung", 1) };
        var reports = new[] { Report("Sở Y tế", 1), Report("Sở Tài chính", 3) };

        var outstanding = ReportReturn.Outstanding(returns, reports);

        // Sở Y tế's report of hour 1 came before the second return; Sở Tài chính resent after its return.
        var only = Assert.Single(outstanding);
        Assert.Equal(("Sở Y tế", "lần 2"), (only.Agency, only.Comment));
        Assert.Empty(ReportReturn.Outstanding(returns, [.. reports, Report("Sở Y tế", 5)]));
    }

    private static ReportReturn Return(string agency, string comment, int hour) => new("r", agency, comment, "aad", null, "Sở Ngoại vụ", Monday.AddHours(hour));

    private static StatusReport Report(string agency, int hour) =>
        new("r", agency, "T.1", ProgressStatus.InProgress, 50, "…", string.Empty, string.Empty, "cán bộ", Monday.AddHours(hour));
}
