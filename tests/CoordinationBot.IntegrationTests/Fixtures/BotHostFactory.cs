using System.Net;
using CoordinationBot.BotFramework.Connector;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace CoordinationBot.IntegrationTests.Fixtures;

/// <summary>
/// The real host over TestServer, pointed at the test Azurite. Test-only parts are swapped in here, never by flags
/// in production code: the caller's IP (TestServer has none; header <see cref="RemoteAddressHeader"/> sets it,
/// loopback by default), the OpenID signing keys, and the outbound token.
/// </summary>
public sealed class BotHostFactory(string storageConnectionString, BotHostSettings settings, string? tablePrefix = null) : WebApplicationFactory<Program>
{
    public const string RemoteAddressHeader = "X-Test-Remote-Address";

    /// <summary>The storage namespace of this host; a second host given the same prefix is another instance of the same bot.</summary>
    public string TablePrefix { get; } = tablePrefix ?? AzuriteFixture.UniquePrefix();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        // Without an app id the bot runs as in local development, the only environment where it may.
        builder.UseEnvironment(settings.Environment ?? (settings.AppId is null ? "Development" : "Testing"));
        builder.ConfigureAppConfiguration(config =>
        {
            var values = new Dictionary<string, string?>
            {
                ["Storage:ConnectionString"] = storageConnectionString,
                ["Storage:TablePrefix"] = TablePrefix,
                ["Bot:AppId"] = settings.AppId ?? string.Empty,
                ["Bot:ConnectorBaseDelay"] = "00:00:00.010",
                ["Language:FollowClientLocale"] = settings.FollowClientLocale ? "true" : "false",
                ["Directory:File"] = DirectoryFile(settings.Directory, settings.JobTitles),
                ["Reminders:Enabled"] = "false",
            };
            for (var i = 0; i < settings.PlanImporters.Count; i++)
            {
                values[$"Plans:Importers:{i}"] = settings.PlanImporters[i];
            }

            // Unless a test names the administrators, its importers are also administrators (tests of other features
            // act as "the focal agency" without a directory entry for every plan).
            var administrators = settings.Administrators ?? settings.PlanImporters;
            for (var i = 0; i < administrators.Count; i++)
            {
                values[$"Plans:Administrators:{i}"] = administrators[i];
            }

            for (var i = 0; i < settings.AllowedTenants.Count; i++)
            {
                values[$"Bot:AllowedTenants:{i}"] = settings.AllowedTenants[i];
            }

            foreach (var (key, value) in settings.Configuration ?? new Dictionary<string, string?>())
            {
                values[key] = value;
            }

            config.AddInMemoryCollection(values);
        });
        builder.ConfigureServices(services =>
        {
            // First of all middleware, as the socket is, before forwarded headers are applied.
            services.Insert(0, ServiceDescriptor.Singleton<IStartupFilter, RemoteAddressStartupFilter>());
            if (settings.SigningKeys is { } keys)
            {
                services.RemoveAll<IConfigurationManager<OpenIdConnectConfiguration>>();
                services.AddSingleton<IConfigurationManager<OpenIdConnectConfiguration>>(keys);
            }

            if (settings.SsoKeys is { } sso)
            {
                services.RemoveAll<CoordinationBot.BotFramework.Authentication.TeamsSsoKeys>();
                services.AddSingleton(new CoordinationBot.BotFramework.Authentication.TeamsSsoKeys(sso));
            }

            if (settings.Clock is { } clock)
            {
                services.RemoveAll<TimeProvider>();
                services.AddSingleton(clock);
            }

            if (settings.StorageRequests is { } counter)
            {
                var options = CoordinationBot.Storage.Tables.StorageTables.DefaultClientOptions();
                options.AddPolicy(counter, Azure.Core.HttpPipelinePosition.PerRetry);
                services.RemoveAll<Azure.Data.Tables.TableClientOptions>();
                services.AddSingleton(options);
            }

            if (settings.OutboundToken is { } token)
            {
                services.RemoveAll<IBotTokenProvider>();
                services.AddSingleton<IBotTokenProvider>(new FixedTokenProvider(token));
            }
        });
    }

    /// <summary>The test's directory (Entra object id → agency, and job titles) as the JSON file the host reads.</summary>
    private static string DirectoryFile(IReadOnlyDictionary<string, string>? users, IReadOnlyDictionary<string, string>? jobTitles)
    {
        var path = Path.Combine(Path.GetTempPath(), $"coordbot-directory-{Guid.NewGuid():N}.json");
        var entries = (users ?? new Dictionary<string, string>()).Select(u => new System.Text.Json.Nodes.JsonObject
        {
            ["aadObjectId"] = u.Key, ["agency"] = u.Value, ["jobTitle"] = jobTitles?.GetValueOrDefault(u.Key),
        });
        File.WriteAllText(path, new System.Text.Json.Nodes.JsonObject { ["users"] = new System.Text.Json.Nodes.JsonArray([.. entries]) }.ToJsonString());
        return path;
    }

    private sealed class RemoteAddressStartupFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                var header = context.Request.Headers[RemoteAddressHeader].ToString();
                context.Connection.RemoteIpAddress = header.Length > 0 ? IPAddress.Parse(header) : IPAddress.Loopback;
                return nextMiddleware(context);
            });
            next(app);
        };
    }

    private sealed class FixedTokenProvider(string token) : IBotTokenProvider
    {
        public ValueTask<string?> GetTokenAsync(CancellationToken cancellationToken) => ValueTask.FromResult<string?>(token);
    }
}

/// <summary>How a test host is configured: development mode when <see cref="AppId"/> is null.</summary>
public sealed record BotHostSettings(
    string? AppId = null,
    IReadOnlyList<string>? Tenants = null,
    StaticConfigurationManager<OpenIdConnectConfiguration>? SigningKeys = null,
    string? OutboundToken = null,
    bool FollowClientLocale = false,
    IReadOnlyList<string>? Importers = null,
    IReadOnlyDictionary<string, string>? Directory = null,
    TimeProvider? Clock = null,
    IReadOnlyDictionary<string, string?>? Configuration = null,
    string? Environment = null,
    StorageRequestCounter? StorageRequests = null,
    IReadOnlyList<string>? Administrators = null,
    IReadOnlyDictionary<string, string>? JobTitles = null,
    StaticConfigurationManager<OpenIdConnectConfiguration>? SsoKeys = null)
{
    public IReadOnlyList<string> PlanImporters => Importers ?? [];

    public IReadOnlyList<string> AllowedTenants => Tenants ?? [];
}
