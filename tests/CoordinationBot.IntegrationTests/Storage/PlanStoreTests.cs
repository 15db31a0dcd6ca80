using CoordinationBot.Core.Plans;
using CoordinationBot.IntegrationTests.Fixtures;
using CoordinationBot.Storage.Plans;

namespace CoordinationBot.IntegrationTests.Storage;

/// <summary>Plans larger than a table property holds as plain JSON (32,768 characters) are stored and read back whole.</summary>
[Collection(AzuriteGroup.Name)]
public sealed class PlanStoreTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task ATaskOfManyPages_AndFactsWithHundredsOfAgenciesToReview_RoundTripWhole()
    {
        var prefix = AzuriteFixture.UniquePrefix();
        var store = new TablePlanStore(azurite.CreateServiceClient(prefix));
        // Vietnamese letters are escaped in JSON (\u1EA1…): this task's JSON alone is far past the property limit.
        var longText = string.Concat(Enumerable.Repeat("Triển khai đồng bộ các giải pháp chuyển đổi số, bảo đảm hạ tầng, dữ liệu và nhân lực. ", 230));
        var review = Enumerable.Range(1, 600).Select(i => $"Ủy ban nhân dân xã Thử Nghiệm Số {i}").ToList();
        var plan = new Plan("KH", "88/KH-UBND", "ỦY BAN NHÂN DÂN TỈNH", new DateOnly(2026, 3, 1), 2026, "Kế hoạch rất dài", [], "Sở Nội vụ", [],
            [new PlanTask("I.1", "NHIỆM VỤ", longText, null, null, [new Assignment("Sở Nội vụ", Role.Lead, AssignmentSource.Heading)])], review);
        var key = "88-kh-ubnd-" + Guid.NewGuid().ToString("N")[..6];

        await store.SaveAsync(new StoredPlan(key, 1, "hash-" + key, "dai.docx", DateTimeOffset.UtcNow, "cán bộ", plan), default);
        // Another store on the same tables, so the plan is read from storage, not from the first one's cache.
        var read = await new TablePlanStore(azurite.CreateServiceClient(prefix)).GetLatestAsync(key, default);

        Assert.NotNull(read);
        Assert.Equal(longText, Assert.Single(read.Plan.Tasks).Text);
        Assert.Equal(review, read.Plan.AgenciesToReview);
    }
}
