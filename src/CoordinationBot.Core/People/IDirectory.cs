namespace CoordinationBot.Core.People;

/// <summary>Port: which agency a Teams user (Microsoft Entra object id) works for, as the organisation records it.</summary>
public interface IDirectory
{
    /// <summary>The agency's name as recorded (mapped to the registry by the caller), or null when not recorded or unreachable.</summary>
    Task<DirectoryLookup> FindAgencyAsync(string aadObjectId, CancellationToken cancellationToken);
}

/// <summary>What the directory said (the agency, and the user's job title: who leads it), and whether it came from a cache because the directory could not be reached.</summary>
public sealed record DirectoryLookup(string? Agency, bool FromCacheBecauseUnavailable = false)
{
    /// <summary>The user's job title as recorded ("Giám đốc", "Chuyên viên"; Graph's <c>jobTitle</c>).</summary>
    public string? JobTitle { get; init; }

    public static DirectoryLookup None { get; } = new(Agency: null);
}

/// <summary>Port: agencies users picked themselves (asked once), confirmed by the focal agency or set by an administrator.</summary>
public interface IAgencyChoiceStore
{
    Task<AgencyChoice?> GetAsync(string aadObjectId, CancellationToken cancellationToken);

    /// <summary>Stores a choice: confirmed when an administrator sets it, not when it is a user's own pick.</summary>
    Task SaveAsync(string aadObjectId, AgencyChoice choice, CancellationToken cancellationToken);

    /// <summary>Confirms the user's choice when it still names <paramref name="agency"/>; false when it changed or is gone.</summary>
    Task<bool> ConfirmAsync(string aadObjectId, string agency, string confirmedBy, CancellationToken cancellationToken);

    /// <summary>Choices waiting for the focal agency's confirmation.</summary>
    Task<IReadOnlyList<(string AadObjectId, AgencyChoice Choice)>> ListUnconfirmedAsync(CancellationToken cancellationToken);
}

/// <summary>An agency a user picked or was given: who chose it, the user's name as Teams showed it, whether it is confirmed and by whom.</summary>
public sealed record AgencyChoice(string Agency, string ChosenBy, string? UserName = null, string? ConfirmedBy = null)
{
    public bool Confirmed => ConfirmedBy is not null;
}
