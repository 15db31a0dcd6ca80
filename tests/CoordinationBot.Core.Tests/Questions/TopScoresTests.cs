using CoordinationBot.Core.Questions;

namespace CoordinationBot.Core.Tests.Questions;

public sealed class TopScoresTests
{
    [Fact]
    public void TheBestFew_AreThoseAFullStableSortWouldPut_First()
    {
        var random = new Random(7);
        var items = Enumerable.Range(0, 5000).Select(i => (Id: i, Score: (double)random.Next(0, 200))).ToList();

        var best = items.Best(30, x => x.Score);

        Assert.Equal(items.OrderByDescending(x => x.Score).Take(30).Select(x => x.Id), best.Select(x => x.Id));
    }

    [Fact]
    public void FewerItemsThanAsked_AreAllReturned_BestFirst()
    {
        Assert.Equal([3.0, 2.0, 1.0], new[] { 1.0, 3.0, 2.0 }.Best(30, x => x));
    }
}
