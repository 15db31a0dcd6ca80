using CoordinationBot.BotFramework.Authentication;
using CoordinationBot.BotFramework.Connector;
using CoordinationBot.BotFramework.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace CoordinationBot.BotFramework;

public static class BotFrameworkExtensions
{
    /// <summary>
    /// Our Bot Connector protocol: inbound authentication, the outbound connector client and the router. The router needs an
    /// <see cref="ICommandRecognizer"/>: the application registers the one that knows its commands.
    /// </summary>
    public static IHostApplicationBuilder AddBotFramework(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<BotFrameworkOptions>().BindConfiguration(BotFrameworkOptions.SectionName);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IConfigurationManager<OpenIdConnectConfiguration>>(sp =>
            new ConfigurationManager<OpenIdConnectConfiguration>(
                sp.GetRequiredService<IOptions<BotFrameworkOptions>>().Value.OpenIdMetadataUrl.ToString(),
                new OpenIdConnectConfigurationRetriever(),
                new HttpDocumentRetriever { RequireHttps = true }));
        services.TryAddSingleton<InboundAuthenticator>();
        services.AddOptions<TeamsSsoOptions>().BindConfiguration(TeamsSsoOptions.SectionName);
        services.TryAddSingleton(sp => new TeamsSsoKeys(new ConfigurationManager<OpenIdConnectConfiguration>(
            sp.GetRequiredService<IOptions<TeamsSsoOptions>>().Value.OpenIdMetadataUrl.ToString(),
            new OpenIdConnectConfigurationRetriever(),
            new HttpDocumentRetriever { RequireHttps = true })));
        services.TryAddSingleton<TeamsSsoValidator>();
        services.TryAddSingleton<IBotTokenProvider, CredentialBotTokenProvider>();
        services.AddHttpClient(nameof(ConnectorClient), client => client.Timeout = Timeout.InfiniteTimeSpan);
        services.TryAddSingleton(sp => ConnectorRetryPipeline.Create(
            sp.GetRequiredService<IOptions<BotFrameworkOptions>>().Value, sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<IOutboundRateLimiter, NoOutboundRateLimit>();
        services.TryAddTransient<IConnectorClient>(sp => new ConnectorClient(
            sp.GetRequiredService<IHttpClientFactory>().CreateClient(nameof(ConnectorClient)),
            sp.GetRequiredService<IBotTokenProvider>(),
            sp.GetRequiredService<ConnectorRetryPipeline>(),
            sp.GetRequiredService<IOutboundRateLimiter>(),
            sp.GetRequiredService<IOptions<BotFrameworkOptions>>().Value));
        services.TryAddScoped<ActivityRouter>();
        return builder;
    }

    /// <summary>Registers a handler for its route.</summary>
    public static IServiceCollection AddActivityHandler<THandler>(this IServiceCollection services)
        where THandler : class, IActivityHandler
    {
        services.AddScoped<IActivityHandler, THandler>();
        return services;
    }
}
