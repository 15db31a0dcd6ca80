using CoordinationBot.Core.Conversations;
using CoordinationBot.Storage.Conversations;
using CoordinationBot.Storage.Health;
using CoordinationBot.Storage.Tables;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace CoordinationBot.Storage;

public static class StorageExtensions
{
    /// <summary>Azure Table Storage (Azurite locally): the service client, the stores and a health check named "storage".</summary>
    public static IHostApplicationBuilder AddTableStorage(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<TableStorageOptions>().BindConfiguration(TableStorageOptions.SectionName);
        services.TryAddSingleton(_ => StorageTables.DefaultClientOptions());
        services.AddSingleton(sp => new StorageTables(sp.GetRequiredService<IOptions<TableStorageOptions>>().Value, sp.GetRequiredService<Azure.Data.Tables.TableClientOptions>()));
        services.AddHostedService<TableStartup>();
        services.AddSingleton<IConversationReferenceStore, TableConversationReferenceStore>();
        services.AddSingleton<Plans.TablePlanStore>();
        services.AddSingleton<CoordinationBot.Core.Plans.Corrections.IPlanCorrectionStore, Plans.TablePlanCorrectionStore>();
        // Everyone reads plans with the focal agency's corrections laid over the versions as read.
        services.AddSingleton(sp => new CoordinationBot.Core.Plans.Corrections.CorrectedPlanStore(
            sp.GetRequiredService<Plans.TablePlanStore>(),
            sp.GetRequiredService<CoordinationBot.Core.Plans.Corrections.IPlanCorrectionStore>(),
            sp.GetService<CoordinationBot.Core.Agencies.AgencyRegistry>() ?? CoordinationBot.Core.Agencies.AgencyRegistry.Default,
            sp.GetService<TimeProvider>() ?? TimeProvider.System));
        services.AddSingleton<CoordinationBot.Core.Plans.Import.IPlanStore>(sp => sp.GetRequiredService<CoordinationBot.Core.Plans.Corrections.CorrectedPlanStore>());
        services.AddSingleton<CoordinationBot.Core.Plans.Import.IPendingImportStore, Plans.TablePendingImportStore>();
        services.AddSingleton<CoordinationBot.Core.People.IAgencyChoiceStore, People.TableAgencyChoiceStore>();
        services.AddSingleton<CoordinationBot.Core.StatusReports.IStatusReportStore, StatusReports.TableStatusReportStore>();
        services.AddSingleton<CoordinationBot.Core.StatusReports.IDeliveryLog, StatusReports.TableDeliveryLog>();
        services.AddSingleton<CoordinationBot.Core.StatusReports.IReportReturnStore, StatusReports.TableReportReturnStore>();
        services.AddSingleton<CoordinationBot.Core.Escalation.IExplanationStore, Escalation.TableExplanationStore>();
        services.AddSingleton<CoordinationBot.Core.Evidence.IEvidenceFileStore, Evidence.TableEvidenceFileStore>();
        services.AddSingleton<CoordinationBot.Core.Consolidation.IReportTemplateStore, Consolidation.TableReportTemplateStore>();
        services.AddSingleton<CoordinationBot.Core.StatusReports.IStatusDraftStore, StatusReports.TableStatusDraftStore>();
        services.AddSingleton<CoordinationBot.Core.StatusReports.IAgencyChannelStore, StatusReports.TableAgencyChannelStore>();
        services.AddSingleton(sp => Queues(sp.GetRequiredService<IOptions<TableStorageOptions>>().Value));
        services.AddSingleton<CoordinationBot.Core.StatusReports.IOutboxReceiver>(sp => sp.GetRequiredService<StatusReports.QueueDeliveryOutbox>());
        services.AddSingleton<CoordinationBot.Core.StatusReports.IDeliveryOutbox>(sp => sp.GetRequiredService<StatusReports.QueueDeliveryOutbox>());
        services.AddSingleton<CoordinationBot.Core.StatusReports.ISingletonLease>(sp => new StatusReports.BlobSingletonLease(Container(sp.GetRequiredService<IOptions<TableStorageOptions>>().Value, "locks").GetBlobClient("reminders")));
        services.AddSingleton<CoordinationBot.Core.Consolidation.IReportFileStore>(sp => new StatusReports.BlobReportFileStore(Container(sp.GetRequiredService<IOptions<TableStorageOptions>>().Value, "reports")));
        services.AddHealthChecks().AddCheck<TableStorageHealthCheck>("storage", tags: ["ready"]);
        return builder;
    }

    /// <summary>Container "{prefix}-{name}" on the account's blob endpoint.</summary>
    private static Azure.Storage.Blobs.BlobContainerClient Container(TableStorageOptions options, string name)
    {
        Azure.Storage.Blobs.BlobServiceClient service = options.BlobServiceUri is { } uri
            ? new(uri, string.IsNullOrWhiteSpace(options.ManagedIdentityClientId) ? new Azure.Identity.DefaultAzureCredential() : new Azure.Identity.ManagedIdentityCredential(Azure.Identity.ManagedIdentityId.FromUserAssignedClientId(options.ManagedIdentityClientId)))
            : new(Tables.StorageConnectionString.Normalize(options.ConnectionString!));
        return service.GetBlobContainerClient(options.TablePrefix.ToLowerInvariant() + "-" + name);
    }

    /// <summary>The outbox queue and its poison queue, on the same account as the tables (names share the table prefix).</summary>
    private static StatusReports.QueueDeliveryOutbox Queues(TableStorageOptions options)
    {
        var queueOptions = new Azure.Storage.Queues.QueueClientOptions { MessageEncoding = Azure.Storage.Queues.QueueMessageEncoding.Base64 };
        var name = options.TablePrefix.ToLowerInvariant() + "-deliveries";
        Azure.Storage.Queues.QueueServiceClient service = options.QueueServiceUri is { } uri
            ? new(uri, string.IsNullOrWhiteSpace(options.ManagedIdentityClientId) ? new Azure.Identity.DefaultAzureCredential() : new Azure.Identity.ManagedIdentityCredential(Azure.Identity.ManagedIdentityId.FromUserAssignedClientId(options.ManagedIdentityClientId)), queueOptions)
            : new(Tables.StorageConnectionString.Normalize(options.ConnectionString!), queueOptions);
        return new StatusReports.QueueDeliveryOutbox(service.GetQueueClient(name), service.GetQueueClient(name + "-poison"));
    }
}
