using System.Diagnostics;
using System.Text.Json.Nodes;
using CoordinationBot.Testing;

namespace CoordinationBot.IntegrationTests.Infra;

/// <summary>
/// infra/register-tab.sh run against a recording stand-in for the Azure CLI (no Azure here): what it asks Microsoft
/// Graph to register is what Teams SSO needs, and what it prints is the client id to configure.
/// </summary>
public sealed class RegisterTabScriptTests : IDisposable
{
    private const string Client = "0b6d7f3e-5c1a-4e2b-8f9d-3a4c5b6d7e8f";
    private const string Object = "9a8b7c6d-0000-4000-8000-000000000001";
    private readonly DirectoryInfo bin = Directory.CreateTempSubdirectory("coordbot-az-");

    [Fact]
    public async Task TheRegistration_ExposesAccessAsUser_AtTheTabsUri_ForTheTeamsClients()
    {
        var (exit, output, calls) = await RunAsync("coordbot-abc.azurewebsites.net");

        Assert.True(exit == 0, output);
        Assert.Equal(Client, output.Trim().Split('\n')[^1]);
        Assert.Equal("AzureADMyOrg", After(Assert.Single(calls, c => Is(c, "ad app create")), "--sign-in-audience"));
        Assert.Equal(Client, After(Assert.Single(calls, c => Is(c, "ad sp create")), "--id"));
        var rest = calls.Where(c => Is(c, "rest")).ToList();
        Assert.All(rest, c => Assert.Equal(($"https://graph.microsoft.com/v1.0/applications/{Object}", "PATCH"), (After(c, "--uri"), After(c, "--method"))));
        var patches = rest.Select(Body).ToList();
        Assert.Equal(2, patches.Count);

        var last = patches[^1];
        Assert.Equal($"api://coordbot-abc.azurewebsites.net/{Client}", Assert.Single(last["identifierUris"]!.AsArray())!.GetValue<string>());
        var api = last["api"]!;
        Assert.Equal(2, api["requestedAccessTokenVersion"]!.GetValue<int>());
        var scope = Assert.Single(api["oauth2PermissionScopes"]!.AsArray())!;
        Assert.Equal(("access_as_user", "User", true), (scope["value"]!.GetValue<string>(), scope["type"]!.GetValue<string>(), scope["isEnabled"]!.GetValue<bool>()));
        var scopeId = scope["id"]!.GetValue<string>();
        Assert.True(Guid.TryParse(scopeId, out _), scopeId);
        var authorized = api["preAuthorizedApplications"]!.AsArray();
        Assert.Equal(["1fec8e78-bce4-4aaf-ab1b-5451cc387264", "5e3ce6c0-2b1f-4285-8d4b-75ee78787346"], authorized.Select(a => a!["appId"]!.GetValue<string>()).Order(StringComparer.Ordinal));
        Assert.All(authorized, a => Assert.Equal(scopeId, Assert.Single(a!["delegatedPermissionIds"]!.AsArray())!.GetValue<string>()));

        // The scope exists before anything refers to it, and the second request keeps it.
        Assert.Empty(patches[0]["api"]!["preAuthorizedApplications"]!.AsArray());
        Assert.Equal(scopeId, patches[0]["api"]!["oauth2PermissionScopes"]![0]!["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task MultiTenant_RegistersForEveryOrganisation()
    {
        var (exit, output, calls) = await RunAsync("coordbot.example.vn", "--multi-tenant");

        Assert.True(exit == 0, output);
        Assert.Equal("AzureADMultipleOrgs", After(Assert.Single(calls, c => Is(c, "ad app create")), "--sign-in-audience"));
    }

    [Theory]
    [InlineData("https://coordbot.example.vn")]
    [InlineData("coordbot.example.vn/tab")]
    public async Task ADomainWithASchemeOrPath_IsRefused_AndNothingIsRegistered(string domain)
    {
        var (exit, output, calls) = await RunAsync(domain);

        Assert.Equal(2, exit);
        Assert.Contains("Usage", output, StringComparison.Ordinal);
        Assert.Empty(calls);
    }

    public void Dispose() => bin.Delete(recursive: true);

    private static JsonNode Body(string[] call) => JsonNode.Parse(After(call, "--body"))!;

    private static string After(string[] call, string option) => call[Array.IndexOf(call, option) + 1];

    private static bool Is(string[] call, string verb) => string.Join(' ', call.Take(verb.Count(c => c == ' ') + 1)) == verb;

    /// <summary>Runs the script with an <c>az</c> that records each call (arguments separated by US, calls by NUL) and answers as the CLI does.</summary>
    private async Task<(int Exit, string Output, IReadOnlyList<string[]> Calls)> RunAsync(params string[] arguments)
    {
        var log = Path.Combine(bin.FullName, "calls");
        var az = Path.Combine(bin.FullName, "az");
        await File.WriteAllTextAsync(az, $$"""
            #!/usr/bin/env bash
            for a in "$@"; do printf '%s\037' "$a"; done >> '{{log}}'
            printf '\0' >> '{{log}}'
            case "$1 $2 $3" in
              "ad app create") echo {{Client}} ;;
              "ad app show") echo {{Object}} ;;
            esac
            """.ReplaceLineEndings("\n"));
        if (OperatingSystem.IsWindows())
        {
            throw new PlatformNotSupportedException("register-tab.sh is a bash script (Cloud Shell, Linux, macOS)");
        }

        File.SetUnixFileMode(az, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);

        var info = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(Path.Combine(RepositoryPaths.Root, "infra", "register-tab.sh"));
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        info.Environment["PATH"] = bin.FullName + ":" + Environment.GetEnvironmentVariable("PATH");
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        var calls = File.Exists(log) ? (await File.ReadAllTextAsync(log)).Split('\0', StringSplitOptions.RemoveEmptyEntries).Select(c => c.TrimEnd('\u001f').Split('\u001f')).ToList() : [];
        return (process.ExitCode, await stdout + await stderr, calls);
    }
}
