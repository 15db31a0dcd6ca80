using System.Text.Json.Nodes;
using CoordinationBot.Core.Conversations;
using CoordinationBot.IntegrationTests.Fixtures;
using CoordinationBot.Testing;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace CoordinationBot.IntegrationTests.Bot;

/// <summary>
/// The bot as a real process, killed with SIGKILL at random points while it opens a round for 100 agencies and while
/// it sends their cards, then started again: no agency goes without its card, and a card is repeated only when a kill
/// caught it in flight.
/// </summary>
[Collection(AzuriteGroup.Name)]
public sealed class CrashRecoveryTests(AzuriteFixture azurite, ITestOutputHelper output)
{
    private const int Agencies = 100;
    private const int Kills = 10;
    private const int KillsWhileOpening = 3;
    private const string Focal = "00000000-0000-0000-0000-0000000000f0";

    [Fact]
    public async Task KilledAtRandomWhileOpeningAndSending_NoCardIsLost_AndOnlyCardsInFlightAreRepeated()
    {
        await using var connector = await LoopbackConnector.StartAsync();
        connector.Latency = TimeSpan.FromMilliseconds(100);
        var prefix = AzuriteFixture.UniquePrefix();
        var directory = await SeedAsync(connector.ServiceUrl, prefix);
        var random = new Random(20261201);
        var log = new CoordinationBot.Storage.StatusReports.TableDeliveryLog(azurite.CreateServiceClient(prefix), TimeProvider.System);
        // A card caught in flight by one kill may still be waiting for its lease to end at the next kill: it is one card
        // in flight, not two, until it reaches its chat again. So each (agency, times reached) is counted once.
        var inFlight = new HashSet<(int Agency, int Reached)>();

        for (var kill = 0; kill < Kills; kill++)
        {
            await using var bot = await BotProcess.StartAsync(azurite.ConnectionString, prefix, directory, Focal, CrashSettings);
            var opening = bot.PostAsync(OpenRoundMessage(connector.ServiceUrl));
            if (kill >= KillsWhileOpening)
            {
                await opening;
            }

            await Task.Delay(random.Next(kill < KillsWhileOpening ? 100 : 700, kill < KillsWhileOpening ? 900 : 2100));
            bot.Kill();
            // A kill repeats a card only if one was in flight: it reached the chat, and its row does not yet say sent.
            inFlight.UnionWith(await InFlightAsync(log, connector));
        }

        // Started once more and left to finish: the rows say what is left to send.
        await using (var last = await BotProcess.StartAsync(azurite.ConnectionString, prefix, directory, Focal, CrashSettings))
        {
            var deadline = DateTime.UtcNow.AddSeconds(90);
            while (Reached(connector).Count < Agencies && DateTime.UtcNow < deadline)
            {
                await Task.Delay(250);
            }

            await Task.Delay(TimeSpan.FromSeconds(6));
        }

        var reached = Reached(connector);
        var lost = Agencies - reached.Count;
        var duplicated = reached.Values.Sum(count => count - 1);
        output.WriteLine($"CRASH agencies={Agencies} kills={Kills} in_flight={inFlight.Count} lost={lost} duplicated={duplicated}");
        Assert.Equal(0, lost);
        // Each place to post is held until its card is recorded as sent: at most that many in flight per kill, and only
        // those are repeated.
        var places = new CoordinationBot.Host.Features.Deliveries.DeliveryOptions().ConcurrentPosts;
        Assert.True(inFlight.Count <= Kills * places, $"{inFlight.Count} cards in flight over {Kills} kills of {places} posts at once: {string.Join(", ", inFlight)}");
        Assert.True(duplicated <= inFlight.Count, $"{duplicated} cards repeated, {inFlight.Count} were in flight when killed");
    }

    /// <summary>After a kill: the cards that reached their chat while their delivery row does not say sent, with how
    /// many times each has reached it.</summary>
    private static async Task<IEnumerable<(int, int)>> InFlightAsync(CoordinationBot.Storage.StatusReports.TableDeliveryLog log, LoopbackConnector connector)
    {
        var reached = Reached(connector);
        var states = await log.ListAsync("81-kh-ubnd~2026-Y", default);
        return [.. Enumerable.Range(0, Agencies)
            .Where(i => reached.ContainsKey($"a:agency-{i}")
                && states.Any(s => s.Agency == Agency(i) && s.State != CoordinationBot.Core.StatusReports.DeliveryState.Sent))
            .Select(i => (i, reached[$"a:agency-{i}"]))];
    }

    /// <summary>
    /// Short leases and stall times, so a killed instance's cards are taken up again within seconds — but longer than a
    /// busy machine may pause a live instance mid-send (at 2 s, a CI run saw a live send taken for stalled and repeated
    /// with no kill: 8 repeated, 7 in flight), since only what a kill interrupts is meant to be repeated here.
    /// </summary>
    private static readonly Dictionary<string, string> CrashSettings = new()
    {
        ["Delivery__VisibilityTimeout"] = "00:00:08",
        ["Delivery__StalledAfter"] = "00:00:06",
        ["Delivery__SweepInterval"] = "00:00:01",
        ["Delivery__PollInterval"] = "00:00:00.200",
    };

    /// <summary>Status cards that reached each agency's chat (answered 200), by conversation.</summary>
    private static Dictionary<string, int> Reached(LoopbackConnector connector) =>
        connector.Requests.Where(r => r.Status == 200 && IsStatusCard(r)).GroupBy(r => r.Activity!.Conversation!.Id!).ToDictionary(g => g.Key, g => g.Count());

    private static bool IsStatusCard(RecordedRequest request) =>
        request.Activity?.Attachments is { Count: > 0 } attachments && attachments[0].Content?["actions"]?[0]?["verb"]?.GetValue<string>() == "report.save";

    private static JsonObject OpenRoundMessage(Uri serviceUrl)
    {
        var message = TeamsActivities.Message(serviceUrl, "yêu cầu báo cáo kế hoạch 81/KH-UBND năm 2026 hạn 20/12/2099", conversationId: "a:focal");
        message["from"] = new JsonObject { ["id"] = "29:focal", ["aadObjectId"] = Focal };
        return message;
    }

    /// <summary>The plan, each agency's officer and chat, in the storage the bot process will use; returns the directory file.</summary>
    private async Task<string> SeedAsync(Uri serviceUrl, string prefix)
    {
        var users = Enumerable.Range(0, Agencies).ToDictionary(User, Agency);
        await using var seeding = new BotHostFactory(azurite.ConnectionString, new BotHostSettings(Configuration: new Dictionary<string, string?> { ["Delivery:Enabled"] = "false" }), prefix);
        var services = seeding.Services;
        await OneTaskPerAgencyPlan.SaveAsync(services, 81, "Kế hoạch thử khởi động lại", [.. Enumerable.Range(0, Agencies).Select(Agency)]);
        var references = services.GetRequiredService<IConversationReferenceStore>();
        for (var i = 0; i < Agencies; i++)
        {
            await references.SaveAsync(new ConversationReference("msteams", serviceUrl.ToString(), $"a:agency-{i}", "personal", TeamsActivities.TenantId, "28:bot", $"29:{i}", User(i), null, DateTimeOffset.UtcNow), default);
        }

        var path = Path.Combine(Path.GetTempPath(), $"coordbot-crash-{Guid.NewGuid():N}.json");
        var entries = users.Select(u => new JsonObject { ["aadObjectId"] = u.Key, ["agency"] = u.Value });
        await File.WriteAllTextAsync(path, new JsonObject { ["users"] = new JsonArray([.. entries]) }.ToJsonString());
        return path;
    }

    private static string User(int i) => $"00000000-0000-0000-0002-{i:D12}";

    private static string Agency(int i) => $"Phòng Khởi động {i}";
}
