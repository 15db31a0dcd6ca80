using Azure.Core;
using Azure.Identity;
using CoordinationBot.Core.People;
using CoordinationBot.Graph.Directory;
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
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.TryAddSingleton<IDirectory>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<DirectoryOptions>>().Value;
            if (!string.IsNullOrWhiteSpace(options.File))
            {
                return new FileDirectory(options.File);
            }

            var client = CreateClient(new Microsoft.Graph.Authentication.AzureIdentityAuthenticationProvider(Credential(options), null, null, true, "https://graph.microsoft.com/.default"));
            return new GraphDirectory(client, options, sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<GraphDirectory>>());
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
