using System.Buffers.Binary;
using System.Diagnostics;
using System.IO.Compression;
using System.Text.Json.Nodes;
using CoordinationBot.Testing;

namespace CoordinationBot.IntegrationTests.Manifest;

/// <summary>The Teams app package: built by the CLI, valid against Microsoft's schema (offline), with the right files and icon sizes.</summary>
public sealed class TeamsPackageTests
{
    private const string AppId = "6f1c0a52-6c2e-4d8e-9a3b-2f1d6c7e8a90";
    private const string BotId = "11111111-2222-3333-4444-555555555555";
    private const string SsoAppId = "0b6d7f3e-5c1a-4e2b-8f9d-3a4c5b6d7e8f";

    [Fact]
    public async Task Package_IsBuiltAndValid_WithTheIdsDomainIconsAndLocalisation()
    {
        var output = Directory.CreateTempSubdirectory("coordbot-package-test-").FullName;

        var (exit, stdout, stderr) = await CliRunner.RunAsync(null, "package", "--app-id", AppId, "--bot-id", BotId, "--domain", "coordbot.example.vn", "--out", output);

        Assert.True(exit == 0, stderr + stdout);
        using var zip = ZipFile.OpenRead(Path.Combine(output, "coordinationbot.zip"));
        Assert.Equal(["color.png", "en-us.json", "manifest.json", "outline.png"], zip.Entries.Select(e => e.FullName).Order(StringComparer.Ordinal));
        Assert.Equal((192, 192), PngSize(zip.GetEntry("color.png")!));
        Assert.Equal((32, 32), PngSize(zip.GetEntry("outline.png")!));
        using var reader = new StreamReader(zip.GetEntry("manifest.json")!.Open());
        var manifest = JsonNode.Parse(await reader.ReadToEndAsync())!;
        Assert.Equal(AppId, manifest["id"]!.GetValue<string>());
        Assert.Equal(BotId, manifest["bots"]![0]!["botId"]!.GetValue<string>());
        Assert.Equal("coordbot.example.vn", manifest["validDomains"]![0]!.GetValue<string>());
        Assert.Equal(["groupChat", "personal", "team"], manifest["bots"]![0]!["scopes"]!.AsArray().Select(s => s!.GetValue<string>()).Order(StringComparer.Ordinal));
        Assert.All(manifest["bots"]![0]!["commandLists"]!.AsArray(), list => Assert.InRange(list!["commands"]!.AsArray().Count, 1, 10));
    }

    [Theory]
    [InlineData(SsoAppId, SsoAppId)]
    [InlineData(null, BotId)]
    public async Task Package_HasTheBoardAsPersonalAndChannelTab_SignedInByTheSsoRegistration(string? ssoAppId, string expected)
    {
        var output = Directory.CreateTempSubdirectory("coordbot-package-test-").FullName;
        string[] arguments = ["package", "--app-id", AppId, "--bot-id", BotId, "--domain", "coordbot.example.vn", "--out", output];

        var (exit, stdout, stderr) = await CliRunner.RunAsync(null, ssoAppId is null ? arguments : [.. arguments, "--sso-app-id", ssoAppId]);

        Assert.True(exit == 0, stderr + stdout);
        using var zip = ZipFile.OpenRead(Path.Combine(output, "coordinationbot.zip"));
        using var reader = new StreamReader(zip.GetEntry("manifest.json")!.Open());
        var manifest = JsonNode.Parse(await reader.ReadToEndAsync())!;
        var board = Assert.Single(manifest["staticTabs"]!.AsArray(), t => t!["entityId"]!.GetValue<string>() == "board")!;
        Assert.Equal("https://coordbot.example.vn/tab", board["contentUrl"]!.GetValue<string>());
        Assert.Equal(["personal"], board["scopes"]!.AsArray().Select(s => s!.GetValue<string>()));
        var channel = Assert.Single(manifest["configurableTabs"]!.AsArray())!;
        Assert.Equal("https://coordbot.example.vn/tab/config", channel["configurationUrl"]!.GetValue<string>());
        Assert.Equal(["groupChat", "team"], channel["scopes"]!.AsArray().Select(s => s!.GetValue<string>()).Order(StringComparer.Ordinal));
        Assert.Equal(expected, manifest["webApplicationInfo"]!["id"]!.GetValue<string>());
        Assert.Equal($"api://coordbot.example.vn/{expected}", manifest["webApplicationInfo"]!["resource"]!.GetValue<string>());
        Assert.DoesNotContain("{{", manifest.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Package_RefusesAnSsoAppIdThatIsNotAGuid()
    {
        var (exit, _, stderr) = await CliRunner.RunAsync(null, "package", "--app-id", AppId, "--bot-id", BotId, "--domain", "coordbot.example.vn", "--sso-app-id", "api://coordbot.example.vn/x", "--out", Path.GetTempPath());

        Assert.Equal(2, exit);
        Assert.Contains("--sso-app-id", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validation_RejectsAManifestThatBreaksTheSchema()
    {
        var manifest = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(RepositoryPaths.Root, "manifest", "manifest.json")))!.AsObject();
        manifest["id"] = AppId;
        manifest["bots"]![0]!["botId"] = BotId;
        manifest.Remove("name");
        var path = Path.Combine(Path.GetTempPath(), $"manifest-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(path, manifest.ToJsonString());

        var info = new ProcessStartInfo("node") { RedirectStandardOutput = true, UseShellExecute = false, WorkingDirectory = RepositoryPaths.Root };
        info.ArgumentList.Add(Path.Combine(RepositoryPaths.Root, "tools", "validate-manifest.mjs"));
        info.ArgumentList.Add(path);
        using var process = Process.Start(info)!;
        var errors = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();

        Assert.Equal(1, process.ExitCode);
        Assert.Contains("name", errors, StringComparison.Ordinal);
    }

    private static (int Width, int Height) PngSize(ZipArchiveEntry entry)
    {
        using var stream = entry.Open();
        var header = new byte[24];
        stream.ReadExactly(header);
        Assert.Equal([0x89, 0x50, 0x4E, 0x47], header[..4]);
        return (BinaryPrimitives.ReadInt32BigEndian(header.AsSpan(16, 4)), BinaryPrimitives.ReadInt32BigEndian(header.AsSpan(20, 4)));
    }
}
