using CoordinationBot.Core;
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
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            ContentRootPath = AppContext.BaseDirectory,
            Args = [],
        });
        // Only the CLI's own settings (not the bot host's appsettings.json, which comes along with the host assembly).
        builder.Configuration.Sources.Clear();
        builder.Configuration.AddJsonFile(Path.Combine(AppContext.BaseDirectory, "coordbot.settings.json"), optional: true);
        builder.Configuration.AddEnvironmentVariables("COORDBOT_");
        builder.Logging.ClearProviders();
        builder.AddTableStorage();
        // The deployment's province ("Agencies:Province", e.g. Tuyên Quang): its own agencies besides the national part.
        builder.Services.AddCoordinationCore(builder.Configuration["Agencies:Province"]);
        builder.AddDocuments();
        return builder.Build();
    }
}
