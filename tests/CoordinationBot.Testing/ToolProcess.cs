using System.Diagnostics;
using System.Text;

namespace CoordinationBot.Testing;

/// <summary>A tool run for a test (Azurite, Agents Playground): stdin kept open, output kept for diagnostics, killed with its children.</summary>
public sealed class ToolProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly StringBuilder output = new();

    private ToolProcess(Process process)
    {
        this.process = process;
    }

    public string Output
    {
        get
        {
            lock (output)
            {
                return output.ToString();
            }
        }
    }

    public static ToolProcess Start(string fileName, IEnumerable<string> arguments, string? workingDirectory = null, IReadOnlyDictionary<string, string>? environment = null)
    {
        var info = new ProcessStartInfo(fileName)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? RepositoryPaths.Root,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[name] = value;
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException($"Could not start {fileName}.");
        var tool = new ToolProcess(process);
        process.OutputDataReceived += (_, e) => tool.Append(e.Data);
        process.ErrorDataReceived += (_, e) => tool.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return tool;
    }

    public bool HasExited => process.HasExited;

    /// <summary>SIGTERM, so the tool can flush what it holds (Azurite saves its databases), then a kill if it hangs.</summary>
    public async Task TerminateAsync(TimeSpan grace)
    {
        if (!process.HasExited)
        {
            using (var kill = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            {
                await kill.WaitForExitAsync();
            }

            using var timeout = new CancellationTokenSource(grace);
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
            }
        }

        await DisposeAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.AppendLine(line);
        }
    }
}
