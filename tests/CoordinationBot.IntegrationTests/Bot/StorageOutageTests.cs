using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CoordinationBot.Core.StatusReports;
using CoordinationBot.IntegrationTests.Fixtures;
using CoordinationBot.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CoordinationBot.IntegrationTests.Bot;

/// <summary>
/// Azurite stopped and started again in the middle of a burst of "Gửi báo cáo" presses: every submission the officer
/// saw confirmed is stored; every other one got the "thử lại sau" message, and pressing again afterwards saves it.
/// Its own Azurite on disk, so the shared one is never stopped under other tests.
/// </summary>
public sealed class StorageOutageTests : IAsyncLifetime
{
    private const int Agencies = 40;
    private readonly string location = Directory.CreateTempSubdirectory("coordbot-outage-").FullName;
    private AzuriteServer azurite = null!;
    private LoopbackConnector connector = null!;
    private BotHostFactory host = null!;
    private HttpClient client = null!;

    public async Task InitializeAsync()
    {
        azurite = await AzuriteServer.StartAsync(location);
        connector = await LoopbackConnector.StartAsync();
        var directory = Enumerable.Range(0, Agencies).ToDictionary(User, Agency);
        host = new BotHostFactory(azurite.ConnectionString, new BotHostSettings(Directory: directory, Configuration: new Dictionary<string, string?> { ["Delivery:Enabled"] = "false" }));
        client = host.CreateClient();
    }

    public async Task DisposeAsync()
    {
        client.Dispose();
        await host.DisposeAsync();
        await connector.DisposeAsync();
        await azurite.DisposeAsync();
        Directory.Delete(location, recursive: true);
    }

    [Fact]
    public async Task EverySubmissionConfirmedDuringAnOutage_IsStored_AndTheOthersAreToldToTryAgain()
    {
        var roundId = await SeedAsync();

        var presses = Enumerable.Range(0, Agencies).Select(async i =>
        {
            await Task.Delay(i * 50);
            return (Agency: i, Note: await PressAsync(i, roundId, $"burst-{i}"));
        }).ToList();
        while (presses.Count(p => p.IsCompleted) < 5)
        {
            await Task.Delay(10);
        }

        await azurite.StopAsync();
        // Longer than the Tables client's retries (4, exponential from 200 ms), so presses during it run out of them.
        await Task.Delay(TimeSpan.FromSeconds(6));
        await azurite.StartAgainAsync();
        var outcomes = await Task.WhenAll(presses);

        var store = host.Services.GetRequiredService<IStatusReportStore>();
        var confirmed = outcomes.Where(o => o.Note.StartsWith("Đã ghi nhận", StringComparison.Ordinal)).ToList();
        var refused = outcomes.Except(confirmed).ToList();
        Assert.True(confirmed.Count > 0 && refused.Count > 0, $"{confirmed.Count} confirmed, {refused.Count} refused: the outage missed the burst");
        foreach (var (agency, _) in confirmed)
        {
            Assert.Single(await store.GetReportsAsync(roundId, Agency(agency), default));
        }

        Assert.All(refused, o => Assert.Contains("thử lại sau", o.Note, StringComparison.Ordinal));
        foreach (var (agency, _) in refused)
        {
            Assert.StartsWith("Đã ghi nhận", await PressAsync(agency, roundId, $"again-{agency}"), StringComparison.Ordinal);
            Assert.Single(await store.GetReportsAsync(roundId, Agency(agency), default));
        }
    }

    private static string User(int i) => $"00000000-0000-0000-0000-{i:D12}";

    private static string Agency(int i) => $"Phòng Thử nghiệm {i}";

    private async Task<string> SeedAsync()
    {
        var stored = await OneTaskPerAgencyPlan.SaveAsync(host.Services, 78, "Kế hoạch thử sự cố lưu trữ", [.. Enumerable.Range(0, Agencies).Select(Agency)]);
        var round = new ReportingRound("78-kh-ubnd~2026-Y", stored.Key, 1, ReportingPeriod.WholeYear(2026), new DateOnly(2099, 1, 1), "test", DateTimeOffset.UtcNow, RoundState.Open, null);
        await host.Services.GetRequiredService<IStatusReportStore>().AddRoundAsync(round, default);
        return round.Id;
    }

    /// <summary>Officer i presses "Gửi báo cáo"; returns what the card tells them (the note or the error message).</summary>
    private async Task<string> PressAsync(int i, string roundId, string activityId)
    {
        var data = new JsonObject
        {
            ["roundId"] = roundId,
            ["agency"] = Agency(i),
            ["tasks"] = new JsonArray($"III.{i + 1}.a"),
            ["etags"] = new JsonObject(),
            ["status_0"] = "InProgress",
            ["percent_0"] = "60",
            ["result_0"] = $"Đã triển khai phần {i}.",
        };
        var invoke = TeamsActivities.CardAction(connector.ServiceUrl, "report.save", data, User(i));
        invoke["id"] = activityId;
        using var response = await client.PostAsJsonAsync("/api/messages", invoke);
        Assert.True(response.IsSuccessStatusCode, $"HTTP {(int)response.StatusCode} for agency {i}");
        var body = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.DoesNotContain("   at ", body.ToJsonString(), StringComparison.Ordinal);
        if (body["value"]?["body"] is JsonArray card)
        {
            var note = card.FirstOrDefault(b => b?["color"] is not null) ?? card[0];
            return note!["text"]!.GetValue<string>();
        }

        return body["value"]?["message"]?.GetValue<string>() ?? body.ToJsonString();
    }
}
