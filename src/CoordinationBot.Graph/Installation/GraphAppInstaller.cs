using CoordinationBot.Core.Conversations;
using CoordinationBot.Graph.Directory;
using Microsoft.Extensions.Logging;
using Microsoft.Graph;
using Microsoft.Graph.Models;
using Microsoft.Graph.Models.ODataErrors;
using Microsoft.Kiota.Abstractions;

namespace CoordinationBot.Graph.Installation;

/// <summary>
/// Installs the app for an agency's officers through Microsoft Graph: the users whose directory attribute
/// (<c>department</c> or <c>officeLocation</c>) is the agency, then <c>POST /users/{id}/teamwork/installedApps</c>
/// for each. An app already installed (409) counts as installed.
/// </summary>
public sealed partial class GraphAppInstaller(GraphServiceClient graph, DirectoryOptions directory, AppInstallOptions options, ILogger<GraphAppInstaller> logger) : IAppInstaller
{
    public bool IsConfigured => !string.IsNullOrWhiteSpace(options.CatalogAppId);

    public async Task<AgencyInstall> InstallForAgencyAsync(string agency, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(agency);
        if (!IsConfigured)
        {
            return new AgencyInstall(agency, 0, 0, 0);
        }

        List<string> officers;
        try
        {
            officers = await OfficersAsync(agency, cancellationToken);
        }
        catch (Exception exception) when (exception is ApiException or HttpRequestException or AggregateException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            Failed(logger, "list", exception);
            return new AgencyInstall(agency, 0, 0, 1);
        }

        var installed = 0;
        var failed = 0;
        foreach (var officer in officers)
        {
            try
            {
                await graph.Users[officer].Teamwork.InstalledApps.PostAsync(
                    new UserScopeTeamsAppInstallation
                    {
                        AdditionalData = new Dictionary<string, object>
                        {
                            ["teamsApp@odata.bind"] = $"https://graph.microsoft.com/v1.0/appCatalogs/teamsApps/{Uri.EscapeDataString(options.CatalogAppId!)}",
                        },
                    },
                    cancellationToken: cancellationToken);
                installed++;
            }
            catch (ODataError error) when (error.ResponseStatusCode == 409)
            {
                installed++;
            }
            catch (Exception exception) when (exception is ApiException or HttpRequestException or AggregateException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
            {
                Failed(logger, "install", exception);
                failed++;
            }
        }

        return new AgencyInstall(agency, officers.Count, installed, failed);
    }

    private async Task<List<string>> OfficersAsync(string agency, CancellationToken cancellationToken)
    {
        var attribute = string.Equals(directory.Attribute, "officeLocation", StringComparison.OrdinalIgnoreCase) ? "officeLocation" : "department";
        var page = await graph.Users.GetAsync(
            request =>
            {
                // OData string literal: a quote is doubled.
                request.QueryParameters.Filter = $"{attribute} eq '{agency.Replace("'", "''", StringComparison.Ordinal)}' and accountEnabled eq true";
                request.QueryParameters.Select = ["id"];
                request.QueryParameters.Top = options.MaxOfficersPerAgency;
                request.QueryParameters.Count = true;
                request.Headers.Add("ConsistencyLevel", "eventual");
            },
            cancellationToken);
        return page?.Value?.Select(u => u.Id).OfType<string>().Take(options.MaxOfficersPerAgency).ToList() ?? [];
    }

    [LoggerMessage(2, LogLevel.Warning, "Installing the app through Microsoft Graph failed ({Step})")]
    private static partial void Failed(ILogger logger, string step, Exception exception);
}
