using System.Text.Json;
using System.Text.Json.Serialization;
using CoordinationBot.Core.People;

namespace CoordinationBot.Graph.Directory;

/// <summary>The directory from a JSON file: the Agents Playground's mock users and test users, mapped to agencies.</summary>
public sealed class FileDirectory : IDirectory
{
    private readonly Dictionary<string, string> agencies;

    public FileDirectory(string path)
    {
        using var stream = File.OpenRead(path);
        var data = JsonSerializer.Deserialize(stream, DirectoryJsonContext.Default.DirectoryFile)
            ?? throw new InvalidOperationException($"{path} holds no directory.");
        agencies = data.Users.Where(u => u.Agency is not null).ToDictionary(u => u.AadObjectId, u => u.Agency!, StringComparer.OrdinalIgnoreCase);
    }

    public Task<DirectoryLookup> FindAgencyAsync(string aadObjectId, CancellationToken cancellationToken) =>
        Task.FromResult(agencies.TryGetValue(aadObjectId, out var agency) ? new DirectoryLookup(agency) : DirectoryLookup.None);
}

public sealed record DirectoryFile(IReadOnlyList<DirectoryUser> Users);

public sealed record DirectoryUser(string AadObjectId, string? Name, string? Agency);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, PropertyNameCaseInsensitive = true)]
[JsonSerializable(typeof(DirectoryFile))]
internal sealed partial class DirectoryJsonContext : JsonSerializerContext;
