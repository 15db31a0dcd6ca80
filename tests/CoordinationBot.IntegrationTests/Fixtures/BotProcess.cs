using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CoordinationBot.Testing;

namespace CoordinationBot.IntegrationTests.Fixtures;

/// <summary>CoordinationBot.Host run with dotnet as a child process on a free loopback port, as in local development.</summary>
public sealed class BotProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly HttpClient client;

    private BotProcess(Process process, int port)
    {
        this.process = process;
        client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
    }

    public static async Task<BotProcess> StartAsync(string storage, string prefix, string directory, string importer, IReadOnlyDictionary<string, string>? environment = null)
    {
        var port = FreePort.Next();
        var log = Path.Combine(Path.GetTempPath(), $"coordbot-process-{prefix}-{port}.log");
        var info = new ProcessStartInfo("dotnet") { UseShellExecute = false, WorkingDirectory = AppContext.BaseDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "CoordinationBot.Host.dll"));
        foreach (var (key, value) in new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}",
            ["Storage__ConnectionString"] = storage,
            ["Storage__TablePrefix"] = prefix,
            ["Directory__File"] = directory,
            ["Plans__Importers__0"] = importer,
            ["Plans__Administrators__0"] = importer,
            ["Reminders__Enabled"] = "false",
            ["Logging__LogLevel__Default"] = "Warning",
        }.Concat(environment ?? new Dictionary<string, string>()))
        {
            info.Environment[key] = value;
        }

        var process = Process.Start(info)!;
        _ = DrainAsync(process.StandardOutput, log);
        _ = DrainAsync(process.StandardError, log);
        await FreePort.WaitUntilListeningAsync(port, TimeSpan.FromSeconds(60), () => $"the bot did not start; see {log}");
        return new BotProcess(process, port);
    }

    /// <summary>Posts the activity; a kill may cut the request off, which is the point.</summary>
    public async Task PostAsync(JsonObject activity)
    {
        try
        {
            using var response = await client.PostAsJsonAsync("/api/messages", activity);
        }
        catch (HttpRequestException)
        {
            // Killed while the request was being handled.
        }
    }

    public void Kill()
    {
        // SIGKILL: no shutdown, no flushing, as a crash or an evicted container.
        process.Kill(entireProcessTree: true);
        process.WaitForExit();
    }

    public ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            Kill();
        }

        process.Dispose();
        client.Dispose();
        return ValueTask.CompletedTask;
    }

    private static async Task DrainAsync(StreamReader reader, string path)
    {
        string? line;
        while ((line = await reader.ReadLineAsync()) is not null)
        {
            await File.AppendAllTextAsync(path, line + Environment.NewLine);
        }
    }
}
