namespace CoordinationBot.EndToEndTests;

/// <summary>Debian's chromium on PATH; Playwright's own browser download does not work here and is never used.</summary>
public static class Chromium
{
    public static string ExecutablePath()
    {
        var path = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, "chromium"))
            .FirstOrDefault(File.Exists);
        return path ?? throw new InvalidOperationException("chromium is not on PATH: run ./test.sh as root, or 'apt-get install chromium'.");
    }
}
