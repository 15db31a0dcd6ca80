using CoordinationBot.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CoordinationBot.EndToEndTests;

/// <summary>
/// The whole local stack as a user meets it: Azurite, the bot on Kestrel (real HTTP, development mode on loopback),
/// Microsoft 365 Agents Playground pointed at it, and headless Debian Chromium driven by Playwright.
/// </summary>
public class PlaygroundFixture : IAsyncLifetime
{
    private AzuriteServer? azurite;
    private BotOnKestrel? bot;
    private ToolProcess? playground;
    private ToolProcess? secondPlayground;
    private ToolProcess? sampleFiles;
    private IPlaywright? playwright;

    /// <summary>The Playground's signed-in mock user (Alex Wilber): focal-agency officer in these tests.</summary>
    public const string PlaygroundUser = "00000000-0000-0000-0000-0000000000020";

    /// <summary>The second Playground's user (Megan Bowen, samples/playground/megan-bowen.yml): an officer of Sở Nội vụ.</summary>
    public const string SecondUser = "00000000-0000-0000-0000-0000000000021";

    public IBrowser Browser { get; private set; } = null!;

    public Uri PlaygroundUrl { get; private set; } = null!;

    /// <summary>The second user's Playground, started when <see cref="WithSecondUser"/>.</summary>
    public Uri SecondPlaygroundUrl { get; private set; } = null!;

    /// <summary>Where tools/sample-files.mjs serves samples/ (files "sent in chat"), started when <see cref="WithSecondUser"/>.</summary>
    public Uri SampleFilesUrl { get; private set; } = null!;

    /// <summary>The bot host's own address on loopback (the tab is served from it).</summary>
    public Uri BotUrl { get; private set; } = null!;

    /// <summary>Start the Agents Playground (not needed to test the tab, which the host serves itself).</summary>
    protected virtual bool WithPlayground => true;

    /// <summary>Also start a second user's Playground and the sample file server (as run.sh does).</summary>
    protected virtual bool WithSecondUser => false;

    public IServiceProvider BotServices => bot!.Services;

    public string Diagnostics => $"Playground output:\n{playground?.Output}\nSecond Playground output:\n{secondPlayground?.Output}";

    /// <summary>
    /// Opens the bot's chat in a fresh vi-VN browser page, waits for the greeting (opening the chat installs the bot),
    /// then runs <paramref name="steps"/>; on failure keeps a full-page screenshot and the Playground's output.
    /// </summary>
    public async Task InChatAsync(string name, Func<IPage, Task> steps)
    {
        ArgumentNullException.ThrowIfNull(steps);
        await using var context = await Browser.NewContextAsync(new BrowserNewContextOptions { Locale = "vi-VN" });
        var page = await context.NewPageAsync();
        try
        {
            await page.GotoAsync(PlaygroundUrl.ToString());
            await Assertions.Expect(page.GetByText("Xin chào! Tôi là CoordinationBot", new() { Exact = false })).ToBeVisibleAsync(new() { Timeout = 30_000 });
            await steps(page);
        }
        catch (Exception exception)
        {
            var screenshot = $"playground-{name}-failure.png";
            await page.ScreenshotAsync(new() { Path = Path.Combine(AppContext.BaseDirectory, screenshot), FullPage = true });
            throw new InvalidOperationException($"End-to-end failure; screenshot in {screenshot}. {Diagnostics}", exception);
        }
    }

    /// <summary>
    /// Opens the focal officer's chat and the second officer's chat side by side (each greeted on install), then runs
    /// <paramref name="steps"/> with both pages; on failure keeps a screenshot of each.
    /// </summary>
    public async Task InTwoChatsAsync(string name, Func<IPage, IPage, Task> steps)
    {
        ArgumentNullException.ThrowIfNull(steps);
        await using var focalContext = await Browser.NewContextAsync(new BrowserNewContextOptions { Locale = "vi-VN" });
        await using var officerContext = await Browser.NewContextAsync(new BrowserNewContextOptions { Locale = "vi-VN" });
        var focal = await focalContext.NewPageAsync();
        var officer = await officerContext.NewPageAsync();
        try
        {
            foreach (var (page, url) in new[] { (focal, PlaygroundUrl), (officer, SecondPlaygroundUrl) })
            {
                await page.GotoAsync(url.ToString());
                await Assertions.Expect(page.GetByText("Xin chào! Tôi là CoordinationBot", new() { Exact = false })).ToBeVisibleAsync(new() { Timeout = 30_000 });
            }

            await steps(focal, officer);
        }
        catch (Exception exception)
        {
            await TryScreenshotAsync(focal, $"playground-{name}-focal-failure.png");
            await TryScreenshotAsync(officer, $"playground-{name}-officer-failure.png");
            throw new InvalidOperationException($"End-to-end failure; screenshots in playground-{name}-*-failure.png. {Diagnostics}", exception);
        }
    }

    /// <summary>A screenshot kept for a failure, never hiding it: a page that no longer answers is left as it is.</summary>
    private static async Task TryScreenshotAsync(IPage page, string file)
    {
        try
        {
            await page.ScreenshotAsync(new() { Path = Path.Combine(AppContext.BaseDirectory, file), Timeout = 10_000 });
        }
        catch (Exception exception) when (exception is PlaywrightException or TimeoutException)
        {
            // The failure itself is what the test reports.
        }
    }

    /// <summary>
    /// Sends an activity through the Playground's "Mock an Activity → Custom activity": the Playground's template keeps
    /// its conversation, sender and service URL; <paramref name="fields"/> (type, text, attachments …) are added after
    /// them, so they win (the last of a repeated JSON name is the one read).
    /// </summary>
    public static async Task SendCustomActivityAsync(IPage page, System.Text.Json.Nodes.JsonObject fields)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(fields);
        await page.GetByText("Mock an Activity").ClickAsync();
        await page.GetByText("Custom activity", new() { Exact = true }).ClickAsync();
        var editor = page.Locator(".monaco-editor textarea");
        await editor.FocusAsync();
        await page.Keyboard.PressAsync("Control+End");
        await page.Keyboard.PressAsync("Home");
        var json = fields.ToJsonString();
        await page.Keyboard.InsertTextAsync("," + json[1..^1]);
        await page.GetByRole(AriaRole.Button, new() { Name = "Send activity" }).ClickAsync();
    }

    /// <summary>Types <paramref name="text"/> into the compose box and sends it.</summary>
    public static async Task SendAsync(IPage page, string text)
    {
        ArgumentNullException.ThrowIfNull(page);
        // The compose box, not a text field of a card in the chat.
        await page.Locator("[data-lexical-editor=true][role=textbox]").ClickAsync();
        await page.Keyboard.TypeAsync(text);
        await page.Keyboard.PressAsync("Enter");
    }

    public virtual async Task InitializeAsync()
    {
        azurite = await AzuriteServer.StartAsync();
        var botPort = FreePort.Next();
        bot = new BotOnKestrel(azurite.ConnectionString, botPort);
        bot.StartServer();
        await ImportSamplePlansAsync(bot.Services);

        BotUrl = new Uri($"http://127.0.0.1:{botPort}/");
        if (WithPlayground)
        {
            var playgroundPort = FreePort.Next();
            playground = ToolProcess.Start(
                RepositoryPaths.NodeTool("agentsplayground"),
                ["-e", $"http://127.0.0.1:{botPort}/api/messages", "-c", "msteams", "-p", playgroundPort.ToString(System.Globalization.CultureInfo.InvariantCulture), "--dt"]);
            await FreePort.WaitUntilListeningAsync(playgroundPort, TimeSpan.FromSeconds(60), () => playground.Output);
            PlaygroundUrl = new Uri($"http://127.0.0.1:{playgroundPort}/");
            if (WithSecondUser)
            {
                var secondPort = FreePort.Next();
                secondPlayground = ToolProcess.Start(
                    RepositoryPaths.NodeTool("agentsplayground"),
                    ["-e", $"http://127.0.0.1:{botPort}/api/messages", "-c", "msteams", "-p", secondPort.ToString(System.Globalization.CultureInfo.InvariantCulture), "--dt"],
                    environment: new Dictionary<string, string> { ["M365_AGENTS_PLAYGROUND_CONFIG_PATH"] = Path.Combine(RepositoryPaths.Root, "samples", "playground", "megan-bowen.yml") });
                var filesPort = FreePort.Next();
                sampleFiles = ToolProcess.Start("node", [Path.Combine(RepositoryPaths.Root, "tools", "sample-files.mjs"), filesPort.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
                await FreePort.WaitUntilListeningAsync(secondPort, TimeSpan.FromSeconds(60), () => secondPlayground.Output);
                await FreePort.WaitUntilListeningAsync(filesPort, TimeSpan.FromSeconds(30), () => sampleFiles.Output);
                SecondPlaygroundUrl = new Uri($"http://127.0.0.1:{secondPort}/");
                SampleFilesUrl = new Uri($"http://127.0.0.1:{filesPort}/");
            }
        }

        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium.ExecutablePath(),
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    public virtual async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        playwright?.Dispose();
        foreach (var tool in new[] { playground, secondPlayground, sampleFiles })
        {
            if (tool is not null)
            {
                await tool.DisposeAsync();
            }
        }

        if (bot is not null)
        {
            await bot.DisposeAsync();
        }

        if (azurite is not null)
        {
            await azurite.DisposeAsync();
        }
    }

    /// <summary>The sample plans run.sh loads, imported the same way (through the import feature).</summary>
    private static async Task ImportSamplePlansAsync(IServiceProvider services)
    {
        using var scope = services.CreateScope();
        var import = scope.ServiceProvider.GetRequiredService<CoordinationBot.Core.Plans.Import.ImportPlanHandler>();
        foreach (var file in Directory.EnumerateFiles(Path.Combine(RepositoryPaths.Root, "samples", "plans"), "*.txt"))
        {
            await import.HandleAsync(new CoordinationBot.Core.Plans.Import.ImportPlanRequest(await File.ReadAllBytesAsync(file), Path.GetFileName(file), "e2e"), default);
        }
    }

    private sealed class BotOnKestrel : WebApplicationFactory<Program>
    {
        private readonly string storage;
        private readonly int port;

        public BotOnKestrel(string storage, int port)
        {
            this.storage = storage;
            this.port = port;
            UseKestrel(port);
        }

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Development");
            builder.ConfigureAppConfiguration(config => config.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Storage:ConnectionString"] = storage,
                ["Storage:TablePrefix"] = "e2e" + Guid.NewGuid().ToString("N")[..8],
                ["Bot:AppId"] = string.Empty,
                ["Directory:File"] = Path.Combine(RepositoryPaths.Root, "samples", "directory.json"),
                ["Plans:Importers:0"] = PlaygroundUser,
                // Signed links to generated reports point at this host.
                ["Files:PublicBaseUrl"] = $"http://127.0.0.1:{port}/",
            }));
        }
    }
}

/// <summary>The stack with a second officer (Megan Bowen, Sở Nội vụ) in her own Playground and the sample file server.</summary>
public sealed class TwoUserPlaygroundFixture : PlaygroundFixture
{
    protected override bool WithSecondUser => true;
}

/// <summary>The host, Azurite and Chromium without a Playground: what the tab needs.</summary>
public sealed class TabFixture : PlaygroundFixture
{
    protected override bool WithPlayground => false;
}
