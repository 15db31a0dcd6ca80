using System.Text;
using System.Text.Json.Nodes;
using CoordinationBot.IntegrationTests.Fixtures;

namespace CoordinationBot.IntegrationTests.Bot;

/// <summary>
/// A few thousand generated activities and card payloads — wrong types, missing fields, huge and hostile strings,
/// unknown verbs, forged ids — through the real endpoint: never a server error, never a stack trace to a user.
/// </summary>
[Collection(AzuriteGroup.Name)]
public sealed class FuzzTests(AzuriteFixture azurite, Xunit.Abstractions.ITestOutputHelper output)
{
    private const int Activities = 3200;
    private const string LoneHigh = "~lone-high~";
    private const string LoneLow = "~lone-low~";
    private static readonly string[] Verbs = ["report.save", "report.refresh", "round.open", "round.remind", "plan.save", "plan.cancel", "directory.pick", "directory.confirm", "nope", ""];
    private static readonly string[] Types = ["message", "invoke", "conversationUpdate", "installationUpdate", "typing", "event", "", "MESSAGE"];

    [Fact]
    public async Task GeneratedActivities_NeverGetAServerError_NorLeakAStackTrace()
    {
        await using var context = await BotTestContext.StartAsync(azurite, new BotHostSettings(Importers: [TeamsActivities.OfficerAadObjectId]));
        var random = new Random(20261123);
        var failures = new List<string>();
        var serverErrors = 0;
        for (var i = 0; i < Activities; i++)
        {
            var body = Generate(random, context.Connector.ServiceUrl, i);
            using var content = new StringContent(body, Encoding.UTF8, "application/json");
            using var response = await context.Client.PostAsync("/api/messages", content);
            var text = await response.Content.ReadAsStringAsync();
            if ((int)response.StatusCode >= 500)
            {
                serverErrors++;
                failures.Add($"{(int)response.StatusCode}: {body[..Math.Min(body.Length, 300)]}");
            }

            if (text.Contains("   at ", StringComparison.Ordinal) || text.Contains("Exception", StringComparison.Ordinal))
            {
                failures.Add("stack trace in response: " + text[..Math.Min(text.Length, 1500)]);
            }
        }

        // Stopping the bot sends the answers it still owes (questions are answered after acknowledging), so all are checked.
        await context.Host.DisposeAsync();
        var replies = context.Connector.Requests.Where(r => r.Activity is not null).Select(r => r.Body).ToList();
        output.WriteLine($"FUZZ activities={Activities} responses_5xx={serverErrors}");
        foreach (var failure in failures.Take(5))
        {
            output.WriteLine(failure);
        }

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
                ["action"] = random.Next(6) == 0 ? Shape(random) : new JsonObject { ["type"] = "Action.Execute", ["verb"] = random.Next(8) == 0 ? Shape(random) : Pick(random, Verbs), ["data"] = random.Next(8) == 0 ? Shape(random) : data },
                ["verb"] = random.Next(8) == 0 ? Shape(random) : Pick(random, Verbs),
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

        // A lone surrogate cannot be in a .NET string written as JSON; Teams' JSON can still carry one, escaped.
        return activity.ToJsonString().Replace(LoneHigh, "\\ud800", StringComparison.Ordinal).Replace(LoneLow, "\\udc00", StringComparison.Ordinal);
    }

    /// <summary>A value of the wrong kind where an object or a string belongs.</summary>
    private static JsonNode? Shape(Random random) => random.Next(6) switch
    {
        0 => null,
        1 => JsonValue.Create(random.Next()),
        2 => JsonValue.Create(true),
        3 => new JsonArray(Junk(random), 7),
        4 => JsonValue.Create(Junk(random)),
        _ => new JsonObject { ["verb"] = new JsonArray(), ["data"] = JsonValue.Create(1.5) },
    };

    private static string Junk(Random random) => random.Next(12) switch
    {
        9 => "ai chủ trì\uFFFF\uFFFE nhiệm vụ \uFDD0",
        10 => "tổng hợp" + LoneHigh + " kế hoạch " + LoneLow + " năm 2026",
        11 => "\u202Eyêu cầu báo cáo\u200B\u2028",
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
