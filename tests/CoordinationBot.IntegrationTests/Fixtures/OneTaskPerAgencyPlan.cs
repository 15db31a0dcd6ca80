using CoordinationBot.Core.Plans;
using CoordinationBot.Core.Plans.Extraction;
using CoordinationBot.Core.Plans.Import;
using Microsoft.Extensions.DependencyInjection;

namespace CoordinationBot.IntegrationTests.Fixtures;

/// <summary>A plan "Số: N/KH-UBND" whose section III gives each agency one task it leads (III.{i+1}.a), stored as the tests' plans are.</summary>
public static class OneTaskPerAgencyPlan
{
    public static async Task<StoredPlan> SaveAsync(IServiceProvider services, int number, string title, IReadOnlyList<string> agencies)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(agencies);
        var body = string.Concat(agencies.Select((agency, i) => $"{i + 1}. {agency}\na) Chủ trì nhiệm vụ số {i}.\n"));
        var plan = PlanExtractor.Default.Extract($"Số: {number}/KH-UBND\nKẾ HOẠCH\n{title}\nIII. TỔ CHỨC THỰC HIỆN\n{body}");
        var stored = new StoredPlan($"{number}-kh-ubnd", 1, "test", "test.txt", DateTimeOffset.UtcNow, null, plan);
        await services.GetRequiredService<IPlanStore>().SaveAsync(stored, default);
        return stored;
    }
}
