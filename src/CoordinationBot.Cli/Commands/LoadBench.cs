using System.Collections.Concurrent;
using System.CommandLine;
using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CoordinationBot.BotFramework;
using CoordinationBot.BotFramework.Authentication;
using CoordinationBot.Core.Plans.Import;
using CoordinationBot.Core.StatusReports;
using CoordinationBot.Host.Apis;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CoordinationBot.Cli.Commands;

/// <summary>
/// <c>coordbot bench load</c>: simulated officers send a mix of questions and status-card submissions to
/// <c>/api/messages</c> on loopback; the same mix is sent to a bare endpoint of the same host that authenticates and
/// parses the activity the same way and only acknowledges it. The figure is the ratio of the two p95 latencies.
/// </summary>
public static class LoadBench
{
    public static Command Create()
    {
        var requests = new Option<int>("--requests") { DefaultValueFactory = _ => 2000, Description = "Requests per phase" };
        var users = new Option<int>("--users") { DefaultValueFactory = _ => 32, Description = "Concurrent simulated users" };
        var command = new Command("load", "Load on /api/messages against a bare endpoint (loopback, bounded)") { requests, users };
        command.SetAction(async (parse, cancellationToken) => await RunAsync(Math.Clamp(parse.GetValue(requests), 100, 20_000), Math.Clamp(parse.GetValue(users), 1, 256), cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(int requests, int users, CancellationToken cancellationToken)
    {
        var (azurite, storage) = await BenchTools.StartAzuriteAsync();
        var directory = Path.Combine(Path.GetTempPath(), $"coordbot-load-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(directory, new JsonObject { ["users"] = new JsonArray([.. Enumerable.Range(0, users).Select(i => (JsonNode)new JsonObject { ["aadObjectId"] = $"aad-{i}", ["agency"] = "Sở Tài chính" })]) }.ToJsonString(), cancellationToken);
        var connectorPort = BenchTools.FreePort();
        await using var connector = await AcceptAllConnectorAsync(connectorPort);
        var port = BenchTools.FreePort();
        await using var app = BenchTools.BuildBotHost(storage, directory, port, ("Delivery:Enabled", "false"));
        app.MapPost("/bench/bare", BareAsync);
        try
        {
            var round = await SeedAsync(app.Services, cancellationToken);
            await app.StartAsync(cancellationToken);
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/") };
            var serviceUrl = $"http://127.0.0.1:{connectorPort}/";
            await RunPhaseAsync(http, "api/messages", serviceUrl, round, 200, users, cancellationToken);
            var bare = await RunPhaseAsync(http, "bench/bare", serviceUrl, round, requests, users, cancellationToken);
            var real = await RunPhaseAsync(http, "api/messages", serviceUrl, round, requests, users, cancellationToken);
            var peak = Process.GetCurrentProcess().PeakWorkingSet64 / (1024 * 1024);
            Console.WriteLine(FormattableString.Invariant($"bare: {bare.PerSecond:F0}/s; questions {bare.Questions}; card invokes {bare.Submissions}"));
            Console.WriteLine(FormattableString.Invariant($"bot:  {real.PerSecond:F0}/s; questions {real.Questions}; card invokes {real.Submissions}; all {real.All}; peak {peak} MB"));
            // The target is about the question path, so the ratio compares questions with the same requests acknowledged bare.
            Console.WriteLine(FormattableString.Invariant($"BENCH load requests={requests} errors={real.Errors + bare.Errors} p95_ms={real.Questions.P95:F1} bare_p95_ms={bare.Questions.P95:F1} ratio={real.Questions.P95 / bare.Questions.P95:F2} all_p95_ms={real.All.P95:F1}"));
            await app.StopAsync(cancellationToken);
            return real.Errors + bare.Errors == 0 ? 0 : 1;
        }
        finally
        {
            File.Delete(directory);
            azurite.Kill(entireProcessTree: true);
            await azurite.WaitForExitAsync(cancellationToken);
        }
    }

    /// <summary>The same authentication and parsing as /api/messages, then only an acknowledgement.</summary>
    private static async Task<IResult> BareAsync(HttpContext http, InboundAuthenticator authenticator, IOptions<BotFrameworkOptions> options)
    {
        var authorization = http.Request.Headers.Authorization.ToString();
        if (authenticator.PreCheck(authorization, http.Connection.RemoteIpAddress) is not null)
        {
            return Results.Unauthorized();
        }

        var body = await ActivityBody.ReadAsync(http.Request, options.Value.MaxActivityBytes, http.RequestAborted);
        if (body.Activity is not { } activity)
        {
            return Results.BadRequest();
        }

        var outcome = await authenticator.AuthenticateAsync(authorization, activity, http.RequestAborted);
        return outcome.Succeeded ? Results.Ok() : Results.Unauthorized();
    }

    private static async Task<Phase> RunPhaseAsync(HttpClient http, string path, string serviceUrl, string round, int requests, int users, CancellationToken cancellationToken)
    {
        var questions = new ConcurrentBag<double>();
        var submissions = new ConcurrentBag<double>();
        var errors = 0;
        var next = -1;
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, users).Select(async user =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < requests)
            {
                var isQuestion = i % 10 < 7;
                var activity = isQuestion ? Question(i, user, serviceUrl) : Submission(i, user, serviceUrl, round);
                var start = Stopwatch.GetTimestamp();
                using var response = await http.PostAsJsonAsync(path, activity, cancellationToken);
                (isQuestion ? questions : submissions).Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                if (!response.IsSuccessStatusCode)
                {
                    Interlocked.Increment(ref errors);
                }
            }
        }));
        var perSecond = requests / watch.Elapsed.TotalSeconds;
        return new Phase(perSecond, Latencies.Of([.. questions, .. submissions]), Latencies.Of(questions), Latencies.Of(submissions), errors);
    }

    private static readonly string[] Questions =
    [
        "Ai chủ trì tổ chức Hội nghị tập huấn Thông tin Đối ngoại cấp tỉnh năm 2023?",
        "co quan nao phoi hop voi so ngoai vu quan ly phong vien nuoc ngoai",
        "Sở Tài chính có nhiệm vụ gì trong kế hoạch đối ngoại nhân dân?",
        "Hạn gửi báo cáo kết quả kế hoạch thông tin đối ngoại năm 2023?",
        "Nhiệm vụ của tôi là gì?",
        "Sở VHTTDL chủ trì những việc gì?",
    ];

    private static JsonObject Question(int i, int user, string serviceUrl) => Activity("message", i, user, serviceUrl, text: Questions[i % Questions.Length]);

    private static JsonObject Submission(int i, int user, string serviceUrl, string round)
    {
        var activity = Activity("invoke", i, user, serviceUrl, text: null);
        activity["name"] = "adaptiveCard/action";
        activity["value"] = new JsonObject
        {
            ["action"] = new JsonObject
            {
                ["type"] = "Action.Execute",
                ["verb"] = "report.refresh",
                ["data"] = new JsonObject { ["roundId"] = round, ["agency"] = "Sở Tài chính" },
            },
        };
        return activity;
    }

    private static JsonObject Activity(string type, int i, int user, string serviceUrl, string? text) => new()
    {
        ["type"] = type,
        ["id"] = $"load-{i}",
        ["serviceUrl"] = serviceUrl,
        ["channelId"] = "msteams",
        ["from"] = new JsonObject { ["id"] = $"29:user-{user}", ["aadObjectId"] = $"aad-{user}", ["name"] = $"Cán bộ {user}" },
        ["recipient"] = new JsonObject { ["id"] = "28:bot" },
        ["conversation"] = new JsonObject { ["id"] = $"a:load-{user}", ["conversationType"] = "personal", ["tenantId"] = "load-tenant" },
        ["locale"] = "vi-VN",
        ["text"] = text,
    };

    private static async Task<string> SeedAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        using var scope = services.CreateScope();
        var import = scope.ServiceProvider.GetRequiredService<ImportPlanHandler>();
        string? key = null;
        foreach (var seed in Directory.EnumerateFiles(Path.Combine(BenchTools.RepositoryRoot(), "..", "shared", "seeds"), "*.txt").Order(StringComparer.Ordinal))
        {
            var stored = (await import.HandleAsync(new ImportPlanRequest(await File.ReadAllBytesAsync(seed, cancellationToken), Path.GetFileName(seed), "load"), cancellationToken)).Plan!;
            key ??= stored.Key;
        }

        var round = new ReportingRound(ReportingRound.IdFor(key!, ReportingPeriod.WholeYear(2026)), key!, 1, ReportingPeriod.WholeYear(2026), new DateOnly(2099, 1, 1), "load", DateTimeOffset.UtcNow, RoundState.Open, null);
        await scope.ServiceProvider.GetRequiredService<IStatusReportStore>().AddRoundAsync(round, cancellationToken);
        return round.Id;
    }

    private static async Task<WebApplication> AcceptAllConnectorAsync(int port)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.Run(context => context.Response.WriteAsJsonAsync(new { id = "ok" }));
        await app.StartAsync();
        return app;
    }

    private sealed record Phase(double PerSecond, Latencies All, Latencies Questions, Latencies Submissions, int Errors);

    private sealed record Latencies(double P50, double P95, double P99)
    {
        public static Latencies Of(IEnumerable<double> milliseconds)
        {
            var sorted = milliseconds.Order().ToList();
            double P(double q) => sorted.Count == 0 ? 0 : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(q * sorted.Count) - 1)];
            return new Latencies(P(0.5), P(0.95), P(0.99));
        }

        public override string ToString() => FormattableString.Invariant($"p50 {P50:F1} ms p95 {P95:F1} ms p99 {P99:F1} ms");
    }
}
