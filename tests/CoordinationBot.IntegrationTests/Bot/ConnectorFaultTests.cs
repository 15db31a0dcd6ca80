using CoordinationBot.BotFramework.Connector;
using CoordinationBot.Core.Conversations;
using CoordinationBot.Core.Questions;
using CoordinationBot.Core.StatusReports;
using CoordinationBot.IntegrationTests.Fixtures;
using CoordinationBot.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CoordinationBot.IntegrationTests.Bot;

/// <summary>
/// A whole round while the connector answers 429 with Retry-After, 500, 503 or nothing at all (a timeout) at random:
/// every delivery ends sent or failed for good with its reason, each sent card reached its chat exactly once, and what
/// reached the connector, retries included, never broke a Teams limit.
/// </summary>
[Collection(AzuriteGroup.Name)]
public sealed class ConnectorFaultTests(AzuriteFixture azurite)
{
    private const int PersonalAgencies = 70;
    private const int ChannelAgencies = 16;
    private const string SharedChannel = "19:shared@thread.tacv2";

    [Theory]
    [InlineData(20261123)]
    [InlineData(7)]
    public async Task ARoundUnderRandomConnectorFaults_EndsWithEveryDeliverySentOrFailedWithAReason_WithinTeamsLimits(int seed)
    {
        var directory = Enumerable.Range(0, PersonalAgencies).ToDictionary(User, Agency);
        await using var context = await BotTestContext.StartAsync(azurite, new BotHostSettings(Directory: directory, Configuration: new Dictionary<string, string?>
        {
            ["Delivery:Enabled"] = "true",
            ["Delivery:VisibilityTimeout"] = "00:00:02",
            ["Delivery:MaxAttempts"] = "3",
            ["Delivery:RetryBackoff"] = "00:00:01",
            ["Bot:MaxConnectorRetries"] = "2",
            ["Bot:ConnectorAttemptTimeout"] = "00:00:00.500",
        }));
        var services = context.Host.Services;
        await SeedAsync(services, context.Connector.ServiceUrl);
        context.Connector.FailAtRandom(seed, share: 0.3);

        OpenRoundResult opened;
        using (var scope = services.CreateScope())
        {
            var catalog = await scope.ServiceProvider.GetRequiredService<PlanCatalogSource>().GetAsync(default);
            opened = await scope.ServiceProvider.GetRequiredService<OpenRoundHandler>().HandleAsync(catalog, new OpenRoundRequest("79/KH-UBND", "năm 2026", new DateOnly(2099, 1, 1), null, "test", TeamsActivities.TenantId, "79-kh-ubnd"), default);
        }

        Assert.Equal(PersonalAgencies + ChannelAgencies, opened.Queued);
        var log = services.GetRequiredService<IDeliveryLog>();
        var states = await log.WaitUntilAsync(opened.Round!.Id, current => current.Where(s => s.Agency != "focal").All(s => s.State is DeliveryState.Sent or DeliveryState.FailedFinal or DeliveryState.Unconfirmed), TimeSpan.FromSeconds(90));

        Assert.All(states, s => Assert.True(s.State is DeliveryState.Sent or DeliveryState.FailedFinal or DeliveryState.Unconfirmed, $"{s.Agency}: {s.State}"));
        Assert.All(states.Where(s => s.State != DeliveryState.Sent), s => Assert.False(string.IsNullOrWhiteSpace(s.Reason), $"{s.Agency} failed without a reason"));
        Assert.True(states.Count(s => s.State == DeliveryState.Sent) > states.Count / 2, "the faults were meant to be survivable for most deliveries");

        var requests = context.Connector.Requests.Where(r => r.Activity is not null).ToList();
        Assert.Contains(requests, r => r.Status is 429 or 500 or 503);
        Assert.Contains(requests, r => r.Status == 0);
        var delivered = requests.Where(r => r.Status == 200).GroupBy(r => r.Activity!.Conversation!.Id!).ToDictionary(g => g.Key, g => g.Count());
        foreach (var (_, agency, state, _) in states)
        {
            if (agency.StartsWith("Phòng Kênh", StringComparison.Ordinal))
            {
                continue;
            }

            // Unconfirmed: the post got no answer in time, so it may or may not have arrived; it was not posted again.
            var conversation = $"a:{agency}";
            var count = delivered.GetValueOrDefault(conversation);
            Assert.True(state switch { DeliveryState.Sent => count == 1, DeliveryState.Unconfirmed => count <= 1, _ => count == 0 }, $"{agency}: {state}, delivered {count} times");
        }

        Assert.Equal(states.Count(s => s.Agency.StartsWith("Phòng Kênh", StringComparison.Ordinal) && s.State == DeliveryState.Sent), delivered.GetValueOrDefault(SharedChannel));
        AssertWithinTeamsLimits(requests);
    }

    /// <summary>What arrived at the connector, failures and retries included, against Teams' windows.</summary>
    private static void AssertWithinTeamsLimits(List<RecordedRequest> requests)
    {
        foreach (var conversation in requests.GroupBy(r => r.Activity!.Conversation!.Id!))
        {
            var times = conversation.Select(r => r.At).Order().ToList();
            foreach (var (count, window) in TeamsSendSchedule.PerConversation)
            {
                for (var i = 0; i + count < times.Count; i++)
                {
                    Assert.True(times[i + count] - times[i] >= window, $"{conversation.Key}: {count + 1} requests within {times[i + count] - times[i]}, the limit is {count} in {window}");
                }
            }
        }

        var all = requests.Select(r => r.At).Order().ToList();
        for (var i = 0; i + 50 < all.Count; i++)
        {
            Assert.True(all[i + 50] - all[i] >= TimeSpan.FromSeconds(1), $"51 requests within a second from request {i}");
        }
    }

    private static string User(int i) => $"00000000-0000-0000-0001-{i:D12}";

    private static string Agency(int i) => i < PersonalAgencies ? $"Phòng Thử nghiệm {i}" : $"Phòng Kênh {i}";

    private static async Task SeedAsync(IServiceProvider services, Uri serviceUrl)
    {
        await OneTaskPerAgencyPlan.SaveAsync(services, 79, "Kế hoạch thử sự cố kết nối", [.. Enumerable.Range(0, PersonalAgencies + ChannelAgencies).Select(Agency)]);
        var references = services.GetRequiredService<IConversationReferenceStore>();
        for (var i = 0; i < PersonalAgencies; i++)
        {
            await references.SaveAsync(new ConversationReference("msteams", serviceUrl.ToString(), $"a:{Agency(i)}", "personal", TeamsActivities.TenantId, "28:bot", $"29:{i}", User(i), null, DateTimeOffset.UtcNow), default);
        }

        var channel = new ConversationReference("msteams", serviceUrl.ToString(), SharedChannel, "channel", TeamsActivities.TenantId, "28:bot", null, null, "19:team", DateTimeOffset.UtcNow);
        for (var i = PersonalAgencies; i < PersonalAgencies + ChannelAgencies; i++)
        {
            await services.GetRequiredService<IAgencyChannelStore>().SaveAsync(TeamsActivities.TenantId, Agency(i), channel, default);
        }
    }
}
