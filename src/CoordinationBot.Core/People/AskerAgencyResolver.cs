using CoordinationBot.Core.Agencies;

namespace CoordinationBot.Core.People;

/// <summary>
/// The asker's agency: what the directory records (mapped to the registry's canonical name), else what they picked
/// once. A pick shapes answers only; rights (reporting for the agency, reading its reports, registering its channel,
/// receiving its cards) need the directory, an administrator's setting, or a pick the focal agency confirmed.
/// </summary>
public sealed class AskerAgencyResolver(IDirectory directory, IAgencyChoiceStore choices, AgencyRegistry registry)
{
    public async Task<AskerAgency> ResolveAsync(string? aadObjectId, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(aadObjectId))
        {
            return new AskerAgency(null, false);
        }

        var lookup = await directory.FindAgencyAsync(aadObjectId, cancellationToken);
        if (lookup.Agency is { } recorded)
        {
            return new AskerAgency(registry.FindExact(recorded)?.Name ?? recorded, lookup.FromCacheBecauseUnavailable, Confirmed: true) { JobTitle = lookup.JobTitle };
        }

        var choice = await choices.GetAsync(aadObjectId, cancellationToken);
        return new AskerAgency(choice?.Agency, lookup.FromCacheBecauseUnavailable, choice?.Confirmed == true);
    }
}

/// <summary>
/// The asker's agency (null: unknown, ask them), whether the directory was unavailable, and whether the agency is
/// confirmed (directory, administrator or focal agency) rather than only picked by the asker.
/// </summary>
public sealed record AskerAgency(string? Agency, bool DirectoryUnavailable, bool Confirmed = false)
{
    /// <summary>The job title the directory records (null for a pick): whether the asker leads the agency.</summary>
    public string? JobTitle { get; init; }

    /// <summary>The agency whose rights the asker has: null for an unconfirmed pick.</summary>
    public string? ConfirmedAgency => Confirmed ? Agency : null;

    /// <summary>The asker picked an agency that nobody has confirmed yet.</summary>
    public bool AwaitsConfirmation => Agency is not null && !Confirmed;
}
