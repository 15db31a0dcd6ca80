using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json.Nodes;
using CoordinationBot.BotFramework;
using CoordinationBot.BotFramework.Authentication;
using CoordinationBot.Cli.Commands;
using CoordinationBot.Core.Plans.Import;
using CoordinationBot.Core.StatusReports;
using CoordinationBot.Host.Apis;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CoordinationBot.Bench;

/// <summary>What bench load sends and where: the activities, the seeds, the bare endpoint and the connector that accepts every post.</summary>
public static partial class LoadBench
{
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

    private static readonly string[] Questions =
    [
        "Ai chủ trì tổ chức Hội nghị tập huấn Thông tin Đối ngoại cấp tỉnh năm 2023?",
        "co quan nao phoi hop voi so ngoai vu quan ly phong vien nuoc ngoai",
        "Sở Tài chính có nhiệm vụ gì trong kế hoạch đối ngoại nhân dân?",
        "Hạn gửi báo cáo kết quả kế hoạch thông tin đối ngoại năm 2023?",
        "Nhiệm vụ của tôi là gì?",
        "Sở VHTTDL chủ trì những việc gì?",
    ];

    private static JsonObject Question(string id, int i, int user, string serviceUrl) => Activity("message", id, user, serviceUrl, text: Questions[i % Questions.Length]);

    private static JsonObject Submission(string id, int user, string serviceUrl, string round)
    {
        var activity = Activity("invoke", id, user, serviceUrl, text: null);
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

    private static JsonObject Activity(string type, string id, int user, string serviceUrl, string? text) => new()
    {
        ["type"] = type,
        ["id"] = id,
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
        foreach (var seed in Directory.EnumerateFiles(Path.Combine(Repository.Root(), "..", "shared", "seeds"), "*.txt").Order(StringComparer.Ordinal))
        {
            var stored = (await import.HandleAsync(new ImportPlanRequest(await File.ReadAllBytesAsync(seed, cancellationToken), Path.GetFileName(seed), "load"), cancellationToken)).Plan!;
            key ??= stored.Key;
        }

        var round = new ReportingRound(ReportingRound.IdFor(key!, ReportingPeriod.WholeYear(2026)), key!, 1, ReportingPeriod.WholeYear(2026), new DateOnly(2099, 1, 1), "load", DateTimeOffset.UtcNow, RoundState.Open, null);
        await scope.ServiceProvider.GetRequiredService<IStatusReportStore>().AddRoundAsync(round, cancellationToken);
        return round.Id;
    }

    /// <summary>
    /// A connector that accepts everything and notes when each reply (…/activities/{replyToId}) arrived, on the
    /// machine's monotonic clock; <c>GET /bench/answers</c> lists them.
    /// </summary>
    private static async Task<WebApplication> AcceptAllConnectorAsync(int port)
    {
        var answered = new ConcurrentDictionary<string, long>();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.Run(context =>
        {
            if (HttpMethods.IsGet(context.Request.Method))
            {
                return context.Response.WriteAsJsonAsync(answered);
            }

            answered.TryAdd(Uri.UnescapeDataString(context.Request.Path.Value!.Split('/')[^1]), Stopwatch.GetTimestamp());
            return context.Response.WriteAsJsonAsync(new { id = "ok" });
        });
        await app.StartAsync();
        return app;
    }

    private sealed record Bench(double Rate, int Users, string ServiceUrl, string Round)
    {
        public ConcurrentDictionary<string, long> Asked { get; } = new();
    }

    private sealed record Phase(double PerSecond, Latencies All, Latencies Questions, Latencies Submissions, int Errors, Latencies Answers, int Unanswered);

    private sealed record Latencies(double P50, double P95, double P99)
    {
        public static Latencies Of(IEnumerable<double> milliseconds)
        {
            var values = milliseconds.ToList();
            return new Latencies(BenchTools.Percentile(values, 0.5), BenchTools.Percentile(values, 0.95), BenchTools.Percentile(values, 0.99));
        }

        public override string ToString() => FormattableString.Invariant($"p50 {P50:F1} ms p95 {P95:F1} ms p99 {P99:F1} ms");
    }
}
