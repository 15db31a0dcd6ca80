using CoordinationBot.Storage.Tables;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CoordinationBot.Storage;

/// <summary>
/// Creates the stores' tables once when the host starts, so no request checks for them. Storage that cannot be reached
/// yet does not stop the start: the health check says so, and a write that finds its table missing creates it.
/// </summary>
internal sealed partial class TableStartup(IServiceProvider services, StorageTables tables, ILogger<TableStartup> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        // Resolving the stores is what names their tables.
        _ = services.GetRequiredService<CoordinationBot.Core.Conversations.IConversationReferenceStore>();
        _ = services.GetRequiredService<CoordinationBot.Core.Plans.Import.IPlanStore>();
        _ = services.GetRequiredService<CoordinationBot.Core.Plans.Import.IPendingImportStore>();
        _ = services.GetRequiredService<CoordinationBot.Core.People.IAgencyChoiceStore>();
        _ = services.GetRequiredService<CoordinationBot.Core.StatusReports.IStatusReportStore>();
        _ = services.GetRequiredService<CoordinationBot.Core.StatusReports.IDeliveryLog>();
        _ = services.GetRequiredService<CoordinationBot.Core.StatusReports.IAgencyChannelStore>();
        _ = services.GetRequiredService<CoordinationBot.Core.StatusReports.IReportReturnStore>();
        _ = services.GetRequiredService<CoordinationBot.Core.Escalation.IExplanationStore>();
        _ = services.GetRequiredService<CoordinationBot.Core.Evidence.IEvidenceFileStore>();
        _ = services.GetRequiredService<CoordinationBot.Core.Consolidation.IReportTemplateStore>();
        _ = services.GetRequiredService<CoordinationBot.Core.StatusReports.IStatusDraftStore>();
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(20));
            await tables.CreateTablesAsync(timeout.Token);
        }
        catch (Exception failure) when (failure is OperationCanceledException || StorageFailure.IsOutage(failure))
        {
            LogNotCreated(failure.Message);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Tables not created at start-up ({Reason}); each is created when first written.")]
    private partial void LogNotCreated(string reason);
}
