using System.CommandLine;
using CoordinationBot.Cli.Commands;

namespace CoordinationBot.Cli;

/// <summary>coordbot: the CoordinationBot command line.</summary>
public static class CliProgram
{
    public static async Task<int> Main(string[] args)
    {
        var root = new RootCommand("coordbot — CoordinationBot from the command line");
        root.Subcommands.Add(ConversationsCommand.Create());
        root.Subcommands.Add(HealthCommand.Create());
        root.Subcommands.Add(PlansCommand.Create());
        root.Subcommands.Add(AskCommand.Create());
        root.Subcommands.Add(DirectoryCommand.Create());
        root.Subcommands.Add(PackageCommand.Create());
        return await RunAsync(root, args);
    }

    /// <summary>Runs a command line: a problem the user can fix is one line on stderr and exit code 2, never a stack trace.</summary>
    public static async Task<int> RunAsync(RootCommand root, string[] args)
    {
        ArgumentNullException.ThrowIfNull(root);
        try
        {
            return await root.Parse(args).InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
        }
        catch (CliProblemException problem)
        {
            await Console.Error.WriteLineAsync(problem.Message);
            return 2;
        }
        catch (Exception outage) when (Storage.StorageFailure.IsOutage(outage))
        {
            await Console.Error.WriteLineAsync($"storage unreachable ({Storage.StorageFailure.Describe(outage)}): start Azurite (./run.sh starts it) or set Storage__ConnectionString.");
            return 2;
        }
    }
}
