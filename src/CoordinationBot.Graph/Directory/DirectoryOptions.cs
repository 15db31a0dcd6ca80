namespace CoordinationBot.Graph.Directory;

/// <summary>
/// Configuration section <c>Directory</c>. With <see cref="File"/> set (local development, tests), users map to
/// agencies from that JSON file; otherwise Microsoft Graph is read with the app's credential.
/// </summary>
public sealed class DirectoryOptions
{
    public const string SectionName = "Directory";

    /// <summary>A JSON file <c>{"users":[{"aadObjectId":"…","name":"…","agency":"…"}]}</c>.</summary>
    public string? File { get; set; }

    /// <summary>The user attribute that holds the agency: <c>department</c> (default) or <c>officeLocation</c>.</summary>
    public string Attribute { get; set; } = "department";

    public string? TenantId { get; set; }

    public string? ClientId { get; set; }

    public string? ClientSecret { get; set; }

    public bool UseManagedIdentity { get; set; }

    public TimeSpan CacheFor { get; set; } = TimeSpan.FromHours(1);
}
