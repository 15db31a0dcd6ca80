using System.CommandLine;
using System.Diagnostics;
using System.IO.Compression;
using System.Text.RegularExpressions;

namespace CoordinationBot.Cli.Commands;

/// <summary>
/// <c>coordbot package --app-id G --bot-id G --domain HOST [--sso-app-id G] [--out DIR]</c>: the Teams app package — the
/// manifest with the ids and domain filled in (the tab's single sign-on registration, <c>webApplicationInfo</c>, is the
/// bot's own app id unless <c>--sso-app-id</c> names another), validated offline against Microsoft's schema, zipped with its localisation and icons.
/// </summary>
public static partial class PackageCommand
{
    private static readonly string[] Files = ["manifest.json", "en-us.json", "color.png", "outline.png"];

    public static Command Create()
    {
        var appId = new Option<string>("--app-id") { Required = true, Description = "The Teams app's id (a GUID of its own)" };
        var botId = new Option<string>("--bot-id") { Required = true, Description = "The bot's Microsoft App ID (Azure Bot)" };
        var domain = new Option<string>("--domain") { Required = true, Description = "The bot host's domain, e.g. coordbot.azurewebsites.net" };
        var ssoAppId = new Option<string?>("--sso-app-id") { Description = "The Entra app registration the tab signs in with (Tab:ClientId, infra/register-tab.sh); default: --bot-id" };
        var output = new Option<DirectoryInfo>("--out") { DefaultValueFactory = _ => new DirectoryInfo(Path.Combine("manifest", "build")), Description = "Where the package is written" };
        var command = new Command("package", "Build the Teams app package (manifest/)") { appId, botId, domain, ssoAppId, output };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var (app, bot, host) = (parse.GetValue(appId)!, parse.GetValue(botId)!, parse.GetValue(domain)!);
            var sso = parse.GetValue(ssoAppId) ?? bot;
            if (!Guid.TryParse(app, out _) || !Guid.TryParse(bot, out _) || !Guid.TryParse(sso, out _) || !Domain().IsMatch(host))
            {
                Console.Error.WriteLine("--app-id, --bot-id and --sso-app-id must be GUIDs, --domain a host name (no scheme, no path).");
                return 2;
            }

            var root = Repository.Root();
            var source = Path.Combine(root, "manifest");
            var work = Directory.CreateTempSubdirectory("coordbot-package-").FullName;
            foreach (var file in Files)
            {
                var from = Path.Combine(source, file);
                if (file.EndsWith(".json", StringComparison.Ordinal))
                {
                    var text = (await File.ReadAllTextAsync(from, cancellationToken)).Replace("{{APP_ID}}", app, StringComparison.Ordinal).Replace("{{BOT_ID}}", bot, StringComparison.Ordinal).Replace("{{BOT_DOMAIN}}", host, StringComparison.Ordinal).Replace("{{SSO_APP_ID}}", sso, StringComparison.Ordinal);
                    await File.WriteAllTextAsync(Path.Combine(work, file), text, cancellationToken);
                }
                else
                {
                    File.Copy(from, Path.Combine(work, file));
                }
            }

            var validation = await ValidateAsync(root, Path.Combine(work, "manifest.json"), cancellationToken);
            if (validation.Length > 0)
            {
                Console.Error.WriteLine("The manifest does not match Microsoft's schema:");
                Console.Error.WriteLine(validation);
                return 1;
            }

            var outDir = parse.GetValue(output)!;
            outDir.Create();
            var zip = Path.Combine(outDir.FullName, "coordinationbot.zip");
            File.Delete(zip);
            ZipFile.CreateFromDirectory(work, zip);
            Directory.Delete(work, recursive: true);
            Console.WriteLine(zip);
            return 0;
        });
        return command;
    }

    /// <summary>Runs tools/validate-manifest.mjs (the pinned @microsoft/app-manifest); returns its errors, empty when valid.</summary>
    public static async Task<string> ValidateAsync(string root, string manifest, CancellationToken cancellationToken)
    {
        var info = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = root };
        info.ArgumentList.Add(Path.Combine(root, "tools", "validate-manifest.mjs"));
        info.ArgumentList.Add(manifest);
        using var process = Process.Start(info)!;
        var output = await process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = await process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        return process.ExitCode == 0 ? string.Empty : (output + error).Trim();
    }

    [GeneratedRegex(@"^(?=.{1,253}$)([a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)(\.[a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*$")]
    private static partial Regex Domain();
}
