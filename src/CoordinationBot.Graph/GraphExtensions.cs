using Azure.Core;
using Azure.Identity;
using CoordinationBot.Core.People;
using CoordinationBot.Core.Conversations;
using CoordinationBot.Graph.Directory;
using CoordinationBot.Graph.Installation;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Graph;

namespace CoordinationBot.Graph;

public static class GraphExtensions
{
    /// <summary>The directory of users: a JSON file when <c>Directory:File</c> is set, Microsoft Graph otherwise.</summary>
    public static IHostApplicationBuilder AddDirectory(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<DirectoryOptions>().BindConfiguration(DirectoryOptions.SectionName);
        builder.Services.AddOptions<AppInstallOptions>().BindConfiguration(AppInstallOptions.SectionName);
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.TryAddSingleton(sp => new GraphClientHolder(sp.GetRequiredService<IOptions<DirectoryOptions>>().Value));
        builder.Services.TryAddSingleton<IDirectory>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<DirectoryOptions>>().Value;
            if (!string.IsNullOrWhiteSpace(options.File))
            {
                return new FileDirectory(options.File);
            }

            return new GraphDirectory(sp.GetRequiredService<GraphClientHolder>().Client, options, sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<GraphDirectory>>());
        });
        builder.Services.TryAddSingleton<IAppInstaller>(sp =>
        {
            var directory = sp.GetRequiredService<IOptions<DirectoryOptions>>().Value;
            var install = sp.GetRequiredService<IOptions<AppInstallOptions>>().Value;
            return !string.IsNullOrWhiteSpace(directory.File) || string.IsNullOrWhiteSpace(install.CatalogAppId)
                ? new NoAppInstaller()
                : new GraphAppInstaller(sp.GetRequiredService<GraphClientHolder>().Client, directory, install, sp.GetRequiredService<ILogger<GraphAppInstaller>>());
        });
        return builder;
    }

    /// <summary>
    /// Graph's client with its default middleware (retries on 429/503/504 honouring Retry-After, redirects,
    /// compression), against Graph or, in tests, a loopback server.
    /// </summary>
    public static GraphServiceClient CreateClient(Microsoft.Kiota.Abstractions.Authentication.IAuthenticationProvider authentication, Uri? baseUrl = null)
    {
        var http = GraphClientFactory.Create(GraphClientFactory.CreateDefaultHandlers());
        return new GraphServiceClient(http, authentication, baseUrl?.ToString());
    }

    /// <summary>One Graph client for the directory and the installer, made when first needed.</summary>
    private sealed class GraphClientHolder(DirectoryOptions options)
    {
        private readonly Lazy<GraphServiceClient> client = new(() => CreateClient(new Microsoft.Graph.Authentication.AzureIdentityAuthenticationProvider(Credential(options), null, null, true, "https://graph.microsoft.com/.default")));

        public GraphServiceClient Client => client.Value;
    }

    private static TokenCredential Credential(DirectoryOptions options)
    {
        if (options.UseManagedIdentity)
        {
            return string.IsNullOrWhiteSpace(options.ClientId) ? new ManagedIdentityCredential(ManagedIdentityId.SystemAssigned) : new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(options.ClientId));
        }

        return !string.IsNullOrWhiteSpace(options.ClientSecret)
            ? new ClientSecretCredential(options.TenantId, options.ClientId, options.ClientSecret)
            : new DefaultAzureCredential();
    }
}
