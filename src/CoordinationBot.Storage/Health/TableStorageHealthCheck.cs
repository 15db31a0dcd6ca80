using CoordinationBot.Storage.Tables;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CoordinationBot.Storage.Health;

/// <summary>Healthy when the Table service answers an authenticated request.</summary>
public sealed class TableStorageHealthCheck(StorageTables service) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await service.PingAsync(cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (Exception exception) when (exception is OperationCanceledException || StorageFailure.IsOutage(exception))
        {
            return HealthCheckResult.Unhealthy("Table storage unreachable.", exception);
        }
    }
}
