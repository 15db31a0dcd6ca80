using CoordinationBot.Core.Reminders;
using CoordinationBot.Core.StatusReports;
using Microsoft.Extensions.Options;

namespace CoordinationBot.Host.Features.Reminders;

/// <summary>
/// Runs the core's reminder pass (<see cref="RoundReminders"/>) every <see cref="ReminderOptions.Interval"/>, on one
/// instance at a time (a blob lease); each message is a recorded delivery, so none is sent twice when the lease changes hands.
/// </summary>
public sealed partial class ReminderScheduler(
    ISingletonLease lease,
    IServiceScopeFactory scopes,
    IOptions<ReminderOptions> options,
    ILogger<ReminderScheduler> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (await lease.TryAcquireAsync(options.Value.LeaseDuration, stoppingToken))
                {
                    await RunOnceAsync(stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception) when (CoordinationBot.Storage.StorageFailure.IsOutage(exception))
            {
                PassFailed(logger, exception);
            }

            // The pace of looking, not business time: the real clock, so a test's fake clock cannot stall the loop.
            await Task.Delay(options.Value.Interval, TimeProvider.System, stoppingToken);
        }
    }

    /// <summary>One pass over the open rounds; how many messages were queued.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        using var scope = scopes.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<RoundReminders>().RunOnceAsync(cancellationToken);
    }

    [LoggerMessage(1, LogLevel.Warning, "A reminder pass failed; the next one will try again")]
    private static partial void PassFailed(ILogger logger, Exception exception);
}
