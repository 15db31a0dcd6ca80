using System.Text.Json;
using System.Text.Json.Serialization;
using CoordinationBot.Core.People;

namespace CoordinationBot.Graph.Directory;

/// <summary>The directory from a JSON file: the Agents Playground's mock users and test users, mapped to agencies.</summary>
public sealed class FileDirectory : IDirectory
{
    private readonly Dictionary<string, DirectoryUser> users;

    public FileDirectory(string path)
    {
        using var stream = File.OpenRead(path);
        var data = JsonSerializer.Deserialize(stream, DirectoryJsonContext.Default.DirectoryFile)
            ?? throw new InvalidOperationException($"{path} holds no directory.");
        users = data.Users.Where(u => u.Agency is not null).ToDictionary(u => u.AadObjectId, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>The users it holds (a development sign-in offers them).</summary>
    public IReadOnlyCollection<DirectoryUser> Users => users.Values;

    public Task<DirectoryLookup> FindAgencyAsync(string aadObjectId, CancellationToken cancellationToken) =>
        Task.FromResult(users.TryGetValue(aadObjectId, out var user) ? new DirectoryLookup(user.Agency) { JobTitle = user.JobTitle } : DirectoryLookup.None);
}

public sealed record DirectoryFile(IReadOnlyList<DirectoryUser> Users);

/// <summary>A user of the file directory: the agency they work for and their job title (who leads it), as Graph's department and jobTitle would say.</summary>
public sealed record DirectoryUser(string AadObjectId, string? Name, string? Agency, string? JobTitle = null);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, PropertyNameCaseInsensitive = true)]
[JsonSerializable(typeof(DirectoryFile))]
internal sealed partial class DirectoryJsonContext : JsonSerializerContext;
