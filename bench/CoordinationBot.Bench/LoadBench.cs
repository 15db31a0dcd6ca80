using System.Collections.Concurrent;
using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;

namespace CoordinationBot.Bench;

/// <summary>
/// <c>coordbot bench load</c>: simulated officers send a mix of questions and status-card submissions to
/// <c>/api/messages</c> on loopback; the same mix is sent to a bare endpoint of the same host that authenticates and
/// parses the activity the same way and only acknowledges it. The figure is the ratio of the two p95 latencies.
/// </summary>
public static partial class LoadBench
{
    public static Command Create()
    {
        var requests = new Option<int>("--requests") { DefaultValueFactory = _ => 1200, Description = "Requests per phase" };
        var rate = new Option<double>("--rate") { DefaultValueFactory = _ => 40, Description = "Requests a second, the same for both endpoints" };
        var users = new Option<int>("--users") { DefaultValueFactory = _ => 32, Description = "Simulated users, each in their own chat" };
        var serve = new Option<bool>("--serve") { Hidden = true, Description = "Internal: be the server side (Azurite, bot, connector) until stdin closes" };
        var command = new Command("load", "Load on /api/messages against a bare endpoint (loopback, bounded)") { requests, rate, users, serve };
        command.SetAction(async (parse, cancellationToken) => parse.GetValue(serve)
            ? await ServeAsync(Math.Clamp(parse.GetValue(users), 1, 256), cancellationToken)
            : await DriveAsync(Math.Clamp(parse.GetValue(requests), 100, 20_000), Math.Clamp(parse.GetValue(rate), 1, 2_000), Math.Clamp(parse.GetValue(users), 1, 256), cancellationToken));
        return command;
    }

    /// <summary>
    /// The load generator runs in this process and the server side in a child process, as with any load test: the
    /// generator's own work must not queue behind the bot's on one thread pool. Both use the machine's monotonic clock.
    /// </summary>
    private static async Task<int> DriveAsync(int requests, double rate, int users, CancellationToken cancellationToken)
    {
        using var server = Process.Start(new ProcessStartInfo(Environment.ProcessPath!, ["bench", "load", "--serve", "--users", users.ToString(CultureInfo.InvariantCulture)])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            WorkingDirectory = Directory.GetCurrentDirectory(),
        })!;
        try
        {
            string? ready;
            while ((ready = await server.StandardOutput.ReadLineAsync(cancellationToken)) is not null && !ready.StartsWith("READY ", StringComparison.Ordinal))
            {
            }

            if (ready is null)
            {
                await Console.Error.WriteLineAsync("The server side of the benchmark did not start.");
                return 1;
            }

            var parts = ready.Split(' ');
            var (port, connectorPort, round) = (parts[1], parts[2], parts[3]);
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/") };
            using var connector = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{connectorPort}/") };
            var serviceUrl = connector.BaseAddress.ToString();
            await RunPhaseAsync(http, connector, "api/messages", new Bench(rate * 4, users, serviceUrl, round), 200, cancellationToken);
            var errors = await MeasureAsync("load", requests, http, connector, server, new Bench(rate, users, serviceUrl, round), cancellationToken);
            // Also at the app's own Teams limit (the rate its answers may leave at), where the lanes are fullest.
            var limit = new CoordinationBot.Host.Features.Deliveries.DeliveryOptions().AppRequestsPerSecond;
            errors += await MeasureAsync("load_at_limit", requests, http, connector, server, new Bench(limit, users, serviceUrl, round), cancellationToken);
            return errors == 0 ? 0 : 1;
        }
        finally
        {
            server.StandardInput.Close();
            if (!server.WaitForExit(TimeSpan.FromSeconds(30)))
            {
                server.Kill(entireProcessTree: true);
            }
        }
    }

    /// <summary>The server side: Azurite, the bot host with the bare endpoint, the seeds and a round, and the connector.</summary>
    private static async Task<int> ServeAsync(int users, CancellationToken cancellationToken)
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
            Console.WriteLine($"READY {port} {connectorPort} {round}");
            while (await Console.In.ReadLineAsync(cancellationToken) is not null)
            {
            }

            await app.StopAsync(cancellationToken);
            return 0;
        }
        finally
        {
            File.Delete(directory);
            azurite.Kill(entireProcessTree: true);
            await azurite.WaitForExitAsync(cancellationToken);
        }
    }

    /// <summary>The bare endpoint, then the bot, at one rate; prints the figures and the BENCH line; the errors and unanswered questions.</summary>
    private static async Task<int> MeasureAsync(string name, int requests, HttpClient http, HttpClient connector, Process server, Bench bench, CancellationToken cancellationToken)
    {
        var bare = await RunPhaseAsync(http, connector, "bench/bare", bench, requests, cancellationToken);
        var real = await RunPhaseAsync(http, connector, "api/messages", bench, requests, cancellationToken);
        server.Refresh();
        var peak = server.PeakWorkingSet64 / (1024 * 1024);
        Console.WriteLine(FormattableString.Invariant($"{name}: {bench.Rate:F1} requests/s offered to each endpoint, {bench.Users} users, 7 in 10 questions, the rest status-card invokes; generator and bot in separate processes"));
        Console.WriteLine(FormattableString.Invariant($"bare: {bare.PerSecond:F0}/s; questions {bare.Questions}; card invokes {bare.Submissions}"));
        Console.WriteLine(FormattableString.Invariant($"bot:  {real.PerSecond:F0}/s; questions {real.Questions}; card invokes {real.Submissions}; all {real.All}; bot process peak {peak} MB"));
        Console.WriteLine(FormattableString.Invariant($"answers at the connector (question sent to answer received): {real.Answers}; unanswered {real.Unanswered}"));
        // The target is about the question path, so the ratio compares questions with the same requests acknowledged bare.
        var errors = real.Errors + bare.Errors + real.Unanswered;
        Console.WriteLine(FormattableString.Invariant($"BENCH {name} requests={requests} errors={errors} p95_ms={real.Questions.P95:F1} bare_p95_ms={bare.Questions.P95:F1} ratio={real.Questions.P95 / bare.Questions.P95:F2} answer_p95_ms={real.Answers.P95:F1} all_p95_ms={real.All.P95:F1} rate={bench.Rate:F1}"));
        return errors;
    }

    /// <summary>
    /// Open loop: request i leaves at start + i / rate whatever happened to the earlier ones, so both endpoints see
    /// the same load. Simulated users take turns; each has its own conversation.
    /// </summary>
    private static async Task<Phase> RunPhaseAsync(HttpClient http, HttpClient connector, string path, Bench bench, int requests, CancellationToken cancellationToken)
    {
        var questions = new ConcurrentBag<double>();
        var submissions = new ConcurrentBag<double>();
        var errors = 0;
        var phase = Guid.NewGuid().ToString("N")[..8];
        var interval = TimeSpan.FromSeconds(1 / bench.Rate);
        var watch = Stopwatch.StartNew();
        var sent = new List<Task>(requests);
        for (var i = 0; i < requests; i++)
        {
            var due = interval * i - watch.Elapsed;
            if (due > TimeSpan.Zero)
            {
                await Task.Delay(due, cancellationToken);
            }

            var isQuestion = i % 10 < 7;
            var id = $"{phase}-{i}";
            var user = i % bench.Users;
            var activity = isQuestion ? Question(id, i, user, bench.ServiceUrl) : Submission(id, user, bench.ServiceUrl, bench.Round);
            sent.Add(Task.Run(
                async () =>
                {
                    var start = Stopwatch.GetTimestamp();
                    bench.Asked[id] = start;
                    using var response = await http.PostAsJsonAsync(path, activity, cancellationToken);
                    (isQuestion ? questions : submissions).Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                    if (!response.IsSuccessStatusCode)
                    {
                        Interlocked.Increment(ref errors);
                    }
                },
                cancellationToken));
        }

        await Task.WhenAll(sent);
        var perSecond = requests / watch.Elapsed.TotalSeconds;
        var (answers, unanswered) = path == "api/messages" ? await AnswersAsync(connector, bench, phase, questions.Count, cancellationToken) : (Latencies.Of([]), 0);
        return new Phase(perSecond, Latencies.Of([.. questions, .. submissions]), Latencies.Of(questions), Latencies.Of(submissions), errors, answers, unanswered);
    }

    /// <summary>Waits until every question of the phase has its answer at the connector; the time to it is what the officer waits.</summary>
    private static async Task<(Latencies Answers, int Unanswered)> AnswersAsync(HttpClient connector, Bench bench, string phase, int questions, CancellationToken cancellationToken)
    {
        async Task<List<KeyValuePair<string, long>>> MineAsync() =>
            [.. (await connector.GetFromJsonAsync<Dictionary<string, long>>("bench/answers", cancellationToken))!.Where(a => a.Key.StartsWith(phase + "-", StringComparison.Ordinal))];
        var deadline = Stopwatch.GetTimestamp() + Stopwatch.Frequency * 30;
        var mine = await MineAsync();
        while (mine.Count < questions && Stopwatch.GetTimestamp() < deadline)
        {
            await Task.Delay(200, cancellationToken);
            mine = await MineAsync();
        }

        return (Latencies.Of(mine.Select(a => Stopwatch.GetElapsedTime(bench.Asked[a.Key], a.Value).TotalMilliseconds)), questions - mine.Count);
    }

}
