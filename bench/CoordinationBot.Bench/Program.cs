using System.CommandLine;
using CoordinationBot.Cli;

namespace CoordinationBot.Bench;

/// <summary><c>./coordbot bench …</c>: the benchmarks, apart from the command line so that it does not carry the bot host.</summary>
public static class BenchProgram
{
    public static Task<int> Main(string[] args)
    {
        var root = new RootCommand("coordbot bench — CoordinationBot's benchmarks") { BenchCommand.Create() };
        return CliProgram.RunAsync(root, args);
    }
}
