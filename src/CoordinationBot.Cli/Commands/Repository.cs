namespace CoordinationBot.Cli.Commands;

/// <summary>The checkout the command runs in: commands that use its tools (node_modules, manifest) start from here.</summary>
public static class Repository
{
    public static string Root()
    {
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CoordinationBot.sln")))
            {
                return dir.FullName;
            }
        }

        throw new CliProblemException("Run this from the repository (./coordbot …): CoordinationBot.sln not found above the current folder.");
    }
}
