using System.CommandLine;
using CoordinationBot.Core.Agencies;
using CoordinationBot.Core.People;
using Microsoft.Extensions.DependencyInjection;

namespace CoordinationBot.Cli.Commands;

/// <summary><c>coordbot directory set|get AADID [AGENCY]</c>: an administrator sets or reads the agency a user belongs to.</summary>
public static class DirectoryCommand
{
    public static Command Create()
    {
        var user = new Argument<string>("AADID") { Description = "The user's Microsoft Entra object id" };
        var agency = new Argument<string>("AGENCY") { Description = "The agency, by name or abbreviation (e.g. \"Sở VHTTDL\")" };
        var set = new Command("set", "Set the agency of a user (overrides what the user picked)") { user, agency };
        set.SetAction(async (parse, cancellationToken) =>
        {
            using var host = CliHost.Build();
            var registry = host.Services.GetRequiredService<AgencyRegistry>();
            var known = registry.FindExact(parse.GetValue(agency)!);
            if (known is null || known.IsGroup)
            {
                Console.Error.WriteLine($"\"{parse.GetValue(agency)}\" is not an agency of the registry (groups such as \"Các sở, ban, ngành\" cannot be set).");
                return 2;
            }

            var current = registry.Current(known);
            var admin = "admin:" + Environment.UserName;
            await host.Services.GetRequiredService<IAgencyChoiceStore>().SaveAsync(parse.GetValue(user)!, new AgencyChoice(current.Name, admin, ConfirmedBy: admin), cancellationToken);
            Console.WriteLine($"{parse.GetValue(user)}\t{current.Name}");
            return 0;
        });

        var getUser = new Argument<string>("AADID") { Description = "The user's Microsoft Entra object id" };
        var get = new Command("get", "The agency stored for a user") { getUser };
        get.SetAction(async (parse, cancellationToken) =>
        {
            using var host = CliHost.Build();
            var stored = await host.Services.GetRequiredService<IAgencyChoiceStore>().GetAsync(parse.GetValue(getUser)!, cancellationToken);
            Console.WriteLine(stored is null ? "-" : stored.Confirmed ? stored.Agency : stored.Agency + "\t(unconfirmed pick)");
            return stored is null ? 1 : 0;
        });

        var confirmUser = new Argument<string>("AADID") { Description = "The user's Microsoft Entra object id" };
        var confirm = new Command("confirm", "Confirm the agency a user picked, which gives the user that agency's rights") { confirmUser };
        confirm.SetAction(async (parse, cancellationToken) =>
        {
            using var host = CliHost.Build();
            var store = host.Services.GetRequiredService<IAgencyChoiceStore>();
            var stored = await store.GetAsync(parse.GetValue(confirmUser)!, cancellationToken);
            if (stored is null || !await store.ConfirmAsync(parse.GetValue(confirmUser)!, stored.Agency, "admin:" + Environment.UserName, cancellationToken))
            {
                Console.Error.WriteLine($"{parse.GetValue(confirmUser)} has picked no agency (or changed it just now); nothing was confirmed.");
                return 1;
            }

            Console.WriteLine($"{parse.GetValue(confirmUser)}\t{stored.Agency}");
            return 0;
        });

        return new Command("directory", "Which agency a user belongs to (stored choices)") { set, get, confirm };
    }
}
