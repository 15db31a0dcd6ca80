using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using CoordinationBot.IntegrationTests.Fixtures;

namespace CoordinationBot.IntegrationTests.Bot;

/// <summary>
/// A few thousand generated activities and card payloads — wrong types, missing fields, huge and hostile strings,
/// unknown verbs, forged ids — through the real endpoint: never a server error, never a stack trace to a user.
/// </summary>
[Collection(AzuriteGroup.Name)]
public sealed class FuzzTests(AzuriteFixture azurite)
{
    private static readonly string[] Verbs = ["report.save", "report.refresh", "round.open", "round.remind", "plan.save", "plan.cancel", "directory.pick", "nope", ""];
    private static readonly string[] Types = ["message", "invoke", "conversationUpdate", "installationUpdate", "typing", "event", "", "MESSAGE"];

    [Fact]
    public async Task GeneratedActivities_NeverGetAServerError_NorLeakAStackTrace()
    {
        await using var context = await BotTestContext.StartAsync(azurite, new BotHostSettings(Importers: [TeamsActivities.OfficerAadObjectId]));
        var random = new Random(20261123);
        var failures = new List<string>();
        for (var i = 0; i < 2000; i++)
        {
            var body = Generate(random, context.Connector.ServiceUrl, i);
            using var content = new StringContent(body, Encoding.UTF8, "application/json");
            using var response = await context.Client.PostAsync("/api/messages", content);
            var text = await response.Content.ReadAsStringAsync();
            var unknownInvoke = response.StatusCode == HttpStatusCode.NotImplemented;
            if ((int)response.StatusCode >= 500 && !unknownInvoke)
            {
                failures.Add($"{(int)response.StatusCode}: {body[..Math.Min(body.Length, 300)]}");
            }

            if (text.Contains("   at ", StringComparison.Ordinal) || text.Contains("Exception", StringComparison.Ordinal))
            {
                failures.Add("stack trace in response: " + text[..Math.Min(text.Length, 300)]);
            }
        }

        // Stopping the bot sends the answers it still owes (questions are answered after acknowledging), so all are checked.
        await context.Host.DisposeAsync();
        var replies = context.Connector.Requests.Where(r => r.Activity is not null).Select(r => r.Body).ToList();
        Assert.Empty(failures);
        Assert.DoesNotContain(replies, r => r.Contains("   at ", StringComparison.Ordinal) || r.Contains("Exception", StringComparison.Ordinal));
    }

    private static string Generate(Random random, Uri serviceUrl, int i)
    {
        if (random.Next(20) == 0)
        {
            return random.Next(3) switch { 0 => "{", 1 => "null", _ => new string('[', random.Next(1, 2000)) };
        }

        var activity = new JsonObject
        {
            ["type"] = Pick(random, Types),
            ["id"] = $"fuzz-{i}",
            ["serviceUrl"] = random.Next(10) == 0 ? "javascript:alert(1)" : serviceUrl.ToString(),
            ["channelId"] = "msteams",
            ["from"] = new JsonObject { ["id"] = "29:fuzz", ["aadObjectId"] = random.Next(2) == 0 ? TeamsActivities.OfficerAadObjectId : Junk(random) },
            ["recipient"] = new JsonObject { ["id"] = "28:bot" },
            ["conversation"] = new JsonObject { ["id"] = random.Next(10) == 0 ? Junk(random) : $"a:fuzz-{i % 50}", ["conversationType"] = Pick(random, ["personal", "channel", "groupChat", "x"]), ["tenantId"] = TeamsActivities.TenantId },
            ["text"] = Junk(random),
            ["locale"] = Pick(random, ["vi-VN", "en-US", "", "xx"]),
        };
        if (activity["type"]!.GetValue<string>() == "invoke" || random.Next(4) == 0)
        {
            activity["name"] = Pick(random, ["adaptiveCard/action", "composeExtension/query", "task/fetch", ""]);
            var data = new JsonObject
            {
                ["roundId"] = Junk(random), ["agency"] = Junk(random), ["pendingId"] = Junk(random), ["plan"] = Junk(random), ["period"] = Junk(random),
                ["tasks"] = new JsonArray(Junk(random), Junk(random)), ["etags"] = new JsonObject { ["x"] = Junk(random) },
                ["status_0"] = Junk(random), ["percent_0"] = random.Next(3) == 0 ? JsonValue.Create(random.Next()) : Junk(random), ["result_0"] = Junk(random), ["agency_0"] = Junk(random),
                ["due"] = Junk(random), ["message"] = Junk(random),
            };
            activity["value"] = random.Next(8) == 0 ? JsonValue.Create(Junk(random)) : new JsonObject
            {
                ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = Pick(random, Verbs), ["data"] = data },
                ["verb"] = Pick(random, Verbs),
            };
        }

        if (random.Next(6) == 0)
        {
            activity["attachments"] = new JsonArray(new JsonObject
            {
                ["contentType"] = Pick(random, ["application/vnd.microsoft.teams.file.download.info", "image/png", ""]),
                ["name"] = Junk(random),
                ["content"] = random.Next(2) == 0 ? new JsonObject { ["downloadUrl"] = Pick(random, ["http://127.0.0.1:1/x.txt", "file:///etc/passwd", Junk(random)]) } : JsonValue.Create(7),
            });
        }

        if (random.Next(6) == 0)
        {
            activity["membersAdded"] = new JsonArray(new JsonObject { ["id"] = "28:bot" });
            activity["action"] = Pick(random, ["add", "remove", "add-upgrade", Junk(random)]);
        }

        if (random.Next(10) == 0)
        {
            activity["channelData"] = new JsonObject { ["tenant"] = random.Next(2) == 0 ? JsonValue.Create("not-an-object") : new JsonObject { ["id"] = Junk(random) } };
        }

        return activity.ToJsonString();
    }

    private static string Junk(Random random) => random.Next(9) switch
    {
        0 => string.Empty,
        1 => new string('x', random.Next(1, 20_000)),
        2 => "' or PartitionKey ne '",
        3 => "<script>alert(1)</script> **bold** [link](javascript:x)",
        4 => "\u0000\u0007\u001b[31m",
        5 => "tổng hợp kế hoạch đối ngoại năm 2026",
        6 => "yêu cầu báo cáo",
        7 => "ai chủ trì tập huấn?",
        _ => Guid.NewGuid().ToString("N"),
    };

    private static string Pick(Random random, string[] values) => values[random.Next(values.Length)];
}
