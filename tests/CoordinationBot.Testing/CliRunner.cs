using System.Diagnostics;

namespace CoordinationBot.Testing;

/// <summary>Runs the built coordbot (copied beside the test assembly) as a user would, and returns what it printed.</summary>
public static class CliRunner
{
    public static Task<(int ExitCode, string Output, string Error)> RunAsync(IReadOnlyDictionary<string, string>? environment, params string[] arguments) =>
        RunInAsync(AppContext.BaseDirectory, environment, arguments);

    /// <summary>As <see cref="RunAsync"/>, from <paramref name="workingDirectory"/> (a checkout without its tools, say).</summary>
    public static Task<(int ExitCode, string Output, string Error)> RunInAsync(string workingDirectory, IReadOnlyDictionary<string, string>? environment, params string[] arguments) =>
        RunProgramAsync(arguments is ["bench", ..] ? "coordbot-bench.dll" : "coordbot.dll", workingDirectory, environment, arguments);

    private static async Task<(int ExitCode, string Output, string Error)> RunProgramAsync(string program, string workingDirectory, IReadOnlyDictionary<string, string>? environment, string[] arguments)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory,
        };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, program));
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[key] = value;
        }

        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(2));
        return (process.ExitCode, await output, await error);
    }
}
