namespace CoordinationBot.Testing;

/// <summary>The project's shared data (../shared beside the repository): real plans, gold answers, scorers.</summary>
public static class SharedData
{
    public static string Root { get; } = Path.GetFullPath(Path.Combine(RepositoryPaths.Root, "..", "shared"));

    public static string Path_(params string[] parts) => Path.Combine([Root, .. parts]);

    public static string Require(params string[] parts)
    {
        var path = Path_(parts);
        return File.Exists(path) || Directory.Exists(path)
            ? path
            : throw new InvalidOperationException($"{path} is missing: the tests need the shared data folder beside the repository (../shared).");
    }
}
