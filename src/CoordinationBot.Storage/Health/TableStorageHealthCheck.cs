using CoordinationBot.Storage.Tables;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CoordinationBot.Storage.Health;

/// <summary>Healthy when the Table service answers an authenticated request.</summary>
public sealed class TableStorageHealthCheck(TableServiceClient service) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await service.PingAsync(cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (Exception exception) when (exception is TableStorageException or Azure.RequestFailedException or HttpRequestException or OperationCanceledException or Azure.Identity.AuthenticationFailedException)
        {
            return HealthCheckResult.Unhealthy("Table storage unreachable.", exception);
        }
    }
}
