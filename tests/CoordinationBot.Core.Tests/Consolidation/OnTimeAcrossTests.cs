using CoordinationBot.Core.Consolidation;

namespace CoordinationBot.Core.Tests.Consolidation;

public sealed class OnTimeAcrossTests
{
    [Fact]
    public void AcrossRounds_AnAgencysPartsAreCountedTogether_AndRankedAsInOneRound()
    {
        var first = new[] { Standing("Sở Y tế", done: 2, late: 0), Standing("Sở Tài chính", done: 1, late: 1) };
        var second = new[] { Standing("Sở Y tế", done: 0, late: 2), Standing("Sở Tài chính", done: 2, late: 0) };

        var across = OnTime.Across([first, second]);

        // Sở Tài chính: 3 of 4 not late; Sở Y tế: 2 of 4.
        Assert.Equal(["Sở Tài chính", "Sở Y tế"], across.Select(a => a.Agency));
        Assert.Equal((4, 0.75, 1), (across[0].Parts, across[0].OnTimeRate, across[0].Rank));
        Assert.Equal(2, across[1].Counts[OnTimeStatus.DoneOnTime]);
        Assert.Equal(2, across[1].Rank);
    }

    private static AgencyStanding Standing(string agency, int done, int late)
    {
        var counts = Enum.GetValues<OnTimeStatus>().ToDictionary(s => s, _ => 0);
        counts[OnTimeStatus.DoneOnTime] = done;
        counts[OnTimeStatus.OverdueNotDone] = late;
        return new AgencyStanding(agency, done + late, counts, (double)done / (done + late), 0);
    }
}
