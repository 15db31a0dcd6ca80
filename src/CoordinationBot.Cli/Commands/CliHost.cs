using CoordinationBot.Documents;
using CoordinationBot.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CoordinationBot.Cli.Commands;

/// <summary>The CLI composes the same adapters as the bot host, from the same configuration keys.</summary>
public static class CliHost
{
    public static IHost Build()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            ContentRootPath = AppContext.BaseDirectory,
            Args = [],
        });
        builder.Configuration.AddEnvironmentVariables("COORDBOT_");
        builder.Logging.ClearProviders();
        builder.AddTableStorage();
        builder.AddDocuments();
        return builder.Build();
    }
}
