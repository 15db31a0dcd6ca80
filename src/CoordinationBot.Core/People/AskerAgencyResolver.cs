using CoordinationBot.Core.Agencies;

namespace CoordinationBot.Core.People;

/// <summary>
/// The asker's agency: what the directory records (mapped to the registry's canonical name), else what they picked
/// once. Picking an agency gives no rights: focal and administrator rights come from configuration only.
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
            return new AskerAgency(registry.FindExact(recorded)?.Name ?? recorded, lookup.FromCacheBecauseUnavailable);
        }

        return new AskerAgency(await choices.GetAsync(aadObjectId, cancellationToken), lookup.FromCacheBecauseUnavailable);
    }
}

/// <summary>The asker's agency (null: unknown, ask them) and whether the directory was unavailable.</summary>
public sealed record AskerAgency(string? Agency, bool DirectoryUnavailable);
