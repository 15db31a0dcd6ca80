using CoordinationBot.Core.Plans;

namespace CoordinationBot.Core.StatusReports;

/// <summary>
/// In a chain round, what follows an agency's saved reports: its parts on tasks it supports go to their leads (each
/// lead's card, showing the parts, is delivered to the lead's chats), and for tasks it leads it learns which supports
/// have not given theirs yet. Outside a chain round nothing happens.
/// </summary>
public sealed class ContributionRelay(ReportingChain chain, RecipientFinder recipients, DeliveryScheduler deliveries, TimeProvider time)
{
    /// <returns>The tasks among <paramref name="saved"/> the agency leads whose supports have not all given their part.</returns>
    public async Task<IReadOnlyList<TaskContributions>> AfterSavedAsync(ReportingRound round, Plan plan, string agency, IReadOnlyList<StatusReport> saved, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(round);
        ArgumentNullException.ThrowIfNull(saved);
        if (!round.IsChain)
        {
            return [];
        }

        var ids = saved.Select(r => r.TaskId).ToHashSet(StringComparer.Ordinal);
        var leads = chain.LeadsFor(plan, agency, ids);
        if (leads.Count > 0)
        {
            // The support's name rides in the note; the occasion keeps each part its own delivery.
            var occasion = agency + "~" + time.GetUtcNow().UtcTicks.ToString(System.Globalization.CultureInfo.InvariantCulture);
            foreach (var (lead, reference) in await recipients.FindAsync(round.TenantId, [.. leads.Keys], cancellationToken))
            {
                await deliveries.QueueAsync(new Delivery(round.Id, lead, reference, DeliveryKind.Contribution, agency, occasion), cancellationToken);
            }
        }

        var led = await chain.ForLeadAsync(round, plan, agency, cancellationToken);
        return [.. led.Values.Where(t => ids.Contains(t.TaskId) && t.Missing.Count > 0).OrderBy(t => t.TaskId, StringComparer.Ordinal)];
    }
}
