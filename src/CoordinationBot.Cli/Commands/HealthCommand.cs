using System.CommandLine;
using CoordinationBot.Storage.Tables;
using Microsoft.Extensions.DependencyInjection;

namespace CoordinationBot.Cli.Commands;

/// <summary><c>coordbot health</c>: can the configured storage be reached with the configured credentials?</summary>
public static class HealthCommand
{
    public static Command Create()
    {
        var health = new Command("health", "Check that table storage answers");
        health.SetAction(async (_, cancellationToken) =>
        {
            using var host = CliHost.Build();
            var tables = host.Services.GetRequiredService<StorageTables>();
            try
            {
                await tables.PingAsync(cancellationToken);
                Console.WriteLine($"storage: ok ({tables.Endpoint})");
                return 0;
            }
            catch (Exception exception) when (CoordinationBot.Storage.StorageFailure.IsOutage(exception))
            {
                Console.Error.WriteLine($"storage: unreachable ({tables.Endpoint}): {CoordinationBot.Storage.StorageFailure.Describe(exception)}");
                return 1;
            }
        });
        return health;
    }
}
