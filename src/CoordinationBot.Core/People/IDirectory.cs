namespace CoordinationBot.Core.People;

/// <summary>Port: which agency a Teams user (Microsoft Entra object id) works for, as the organisation records it.</summary>
public interface IDirectory
{
    /// <summary>The agency's name as recorded (mapped to the registry by the caller), or null when not recorded or unreachable.</summary>
    Task<DirectoryLookup> FindAgencyAsync(string aadObjectId, CancellationToken cancellationToken);
}

/// <summary>What the directory said, and whether it came from a cache because the directory could not be reached.</summary>
public sealed record DirectoryLookup(string? Agency, bool FromCacheBecauseUnavailable = false)
{
    public static DirectoryLookup None { get; } = new(Agency: null);
}

/// <summary>Port: agencies users picked themselves (asked once), changeable by an administrator.</summary>
public interface IAgencyChoiceStore
{
    Task<string?> GetAsync(string aadObjectId, CancellationToken cancellationToken);

    Task SaveAsync(string aadObjectId, string agency, string chosenBy, CancellationToken cancellationToken);
}
