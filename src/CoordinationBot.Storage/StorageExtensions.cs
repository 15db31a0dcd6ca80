using CoordinationBot.Core.Conversations;
using CoordinationBot.Storage.Conversations;
using CoordinationBot.Storage.Health;
using CoordinationBot.Storage.Tables;
using Microsoft.Extensions.DependencyInjection;
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
        services.AddSingleton(sp => new TableServiceClient(sp.GetRequiredService<IOptions<TableStorageOptions>>().Value));
        services.AddSingleton<IConversationReferenceStore, TableConversationReferenceStore>();
        services.AddSingleton<CoordinationBot.Core.Plans.Import.IPlanStore, Plans.TablePlanStore>();
        services.AddSingleton<CoordinationBot.Core.Plans.Import.IPendingImportStore, Plans.TablePendingImportStore>();
        services.AddSingleton<CoordinationBot.Core.People.IAgencyChoiceStore, People.TableAgencyChoiceStore>();
        services.AddHealthChecks().AddCheck<TableStorageHealthCheck>("storage", tags: ["ready"]);
        return builder;
    }
}
