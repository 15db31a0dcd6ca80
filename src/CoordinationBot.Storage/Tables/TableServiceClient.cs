using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Identity;

namespace CoordinationBot.Storage.Tables;

/// <summary>
/// The account's Table service: one Azure.Core pipeline (SharedKeyLite for connection strings and Azurite,
/// Entra ID bearer tokens in Azure) shared by every <see cref="TableClient"/>.
/// </summary>
public sealed class TableServiceClient
{
    private readonly HttpPipeline pipeline;
    private readonly string prefix;

    public TableServiceClient(TableStorageOptions options, TablesClientOptions? clientOptions = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        clientOptions ??= new TablesClientOptions();
        prefix = options.TablePrefix;
        HttpPipelinePolicy authentication;
        if (options.TableServiceUri is { } serviceUri)
        {
            Endpoint = serviceUri;
            TokenCredential credential = string.IsNullOrWhiteSpace(options.ManagedIdentityClientId)
                ? new DefaultAzureCredential()
                : new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(options.ManagedIdentityClientId));
            authentication = new BearerTokenAuthenticationPolicy(credential, "https://storage.azure.com/.default");
        }
        else
        {
            var connection = StorageConnectionString.Parse(options.ConnectionString
                ?? throw new InvalidOperationException("Set Storage:ConnectionString or Storage:TableServiceUri."));
            Endpoint = connection.TableEndpoint;
            authentication = new SharedKeyLitePolicy(connection.AccountName, connection.AccountKey);
        }

        pipeline = HttpPipelineBuilder.Build(clientOptions, [], [authentication], new ResponseClassifier());
    }

    public Uri Endpoint { get; }

    /// <summary>The client of table <paramref name="name"/>, prefixed with the configured table prefix.</summary>
    public TableClient GetTableClient(string name) => new(pipeline, Endpoint, prefix + name);

    /// <summary>A cheap round trip for health checks: lists at most one table.</summary>
    public async Task PingAsync(CancellationToken cancellationToken)
    {
        using var message = pipeline.CreateMessage();
        message.Request.Method = RequestMethod.Get;
        message.Request.Uri.Reset(new Uri(Endpoint.ToString().TrimEnd('/') + "/Tables?$top=1"));
        message.Request.Headers.SetValue("x-ms-version", "2019-02-02");
        message.Request.Headers.SetValue("Accept", "application/json;odata=nometadata");
        await pipeline.SendAsync(message, cancellationToken);
        if (message.Response.Status != 200)
        {
            throw new TableStorageException(message.Response.Status, null, $"Table service answered {message.Response.Status}.");
        }
    }
}
