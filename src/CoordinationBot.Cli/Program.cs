using System.CommandLine;
using CoordinationBot.Cli.Commands;

var root = new RootCommand("coordbot — CoordinationBot from the command line");
root.Subcommands.Add(ConversationsCommand.Create());
root.Subcommands.Add(HealthCommand.Create());
root.Subcommands.Add(PlansCommand.Create());
return await root.Parse(args).InvokeAsync();
