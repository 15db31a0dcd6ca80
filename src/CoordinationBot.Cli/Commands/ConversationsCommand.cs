using System.CommandLine;
using CoordinationBot.Core.Conversations;
using Microsoft.Extensions.DependencyInjection;

namespace CoordinationBot.Cli.Commands;

/// <summary><c>coordbot conversations list --tenant T</c>: the conversations the bot can write to proactively.</summary>
public static class ConversationsCommand
{
    public static Command Create()
    {
        var tenant = new Option<string>("--tenant") { Description = "Tenant id (Microsoft Entra)", Required = true };
        var list = new Command("list", "List stored conversation references of a tenant") { tenant };
        list.SetAction(async (parse, cancellationToken) =>
        {
            using var host = CliHost.Build();
            var store = host.Services.GetRequiredService<IConversationReferenceStore>();
            var count = 0;
            await foreach (var reference in store.ListAsync(parse.GetValue(tenant)!, cancellationToken))
            {
                Console.WriteLine($"{reference.ConversationType}\t{reference.ConversationId}\t{reference.AadObjectId ?? "-"}\t{reference.ServiceUrl}\t{reference.UpdatedAt:O}");
                count++;
            }

            Console.Error.WriteLine($"{count} conversation(s)");
            return 0;
        });

        return new Command("conversations", "Conversation references kept for proactive messages") { list };
    }
}
