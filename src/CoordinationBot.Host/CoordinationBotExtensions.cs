using CoordinationBot.Core;
using CoordinationBot.BotFramework;
using CoordinationBot.Documents;
using CoordinationBot.Graph;
using CoordinationBot.Host.Apis;
using CoordinationBot.Host.Bot;
using CoordinationBot.Host.Features.Board;
using CoordinationBot.Host.Telemetry;
using CoordinationBot.Storage;

namespace CoordinationBot.Host;

/// <summary>The whole bot, composed once: Program.cs and the benchmarks that run a real host call these.</summary>
public static class CoordinationBotExtensions
{
    public static IHostApplicationBuilder AddCoordinationBot(this IHostApplicationBuilder builder)
    {
        builder.AddObservability();
        builder.AddTableStorage();
        // The deployment's province ("Agencies:Province", e.g. Tuyên Quang): its own agencies besides the national part.
        builder.Services.AddCoordinationCore(builder.Configuration["Agencies:Province"]);
        builder.AddDocuments();
        builder.AddDirectory();
        builder.AddBotFramework();
        builder.AddBotFeatures();

        // Without an app id the bot accepts anonymous requests (from loopback): local development only.
        var environment = builder.Environment;
        builder.Services.AddOptions<BotFrameworkOptions>()
            .Validate(
                options => !options.IsDevelopmentMode || environment.IsDevelopment(),
                $"Bot:AppId is not set, and without it the bot accepts anonymous requests, which only local development may do (ASPNETCORE_ENVIRONMENT is {environment.EnvironmentName}). Set Bot:AppId and its credential, or run locally with ASPNETCORE_ENVIRONMENT=Development.")
            .ValidateOnStart();
        return builder;
    }

    public static IEndpointRouteBuilder MapCoordinationBot(this IEndpointRouteBuilder app)
    {
        app.MapBotApi();
        app.MapHealthApi();
        app.MapFilesApi();
        app.MapBoardApi();
        return app;
    }
}
