namespace CoordinationBot.Core.StatusReports;

/// <summary>Port: lets one bot instance at a time do a job (reminders), the others standing by.</summary>
public interface ISingletonLease
{
    /// <summary>Takes the lease, or keeps it when this instance holds it already; false while another instance holds it.</summary>
    Task<bool> TryAcquireAsync(TimeSpan duration, CancellationToken cancellationToken);
}
