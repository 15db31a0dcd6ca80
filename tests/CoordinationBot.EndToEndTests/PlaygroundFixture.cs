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
public sealed class PlaygroundFixture : IAsyncLifetime
{
    private AzuriteServer? azurite;
    private BotOnKestrel? bot;
    private ToolProcess? playground;
    private IPlaywright? playwright;

    /// <summary>The Playground's signed-in mock user (Alex Wilber): focal-agency officer in these tests.</summary>
    public const string PlaygroundUser = "00000000-0000-0000-0000-0000000000020";

    public IBrowser Browser { get; private set; } = null!;

    public Uri PlaygroundUrl { get; private set; } = null!;

    public IServiceProvider BotServices => bot!.Services;

    public string Diagnostics => $"Playground output:\n{playground?.Output}";

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

    /// <summary>Types <paramref name="text"/> into the compose box and sends it.</summary>
    public static async Task SendAsync(IPage page, string text)
    {
        ArgumentNullException.ThrowIfNull(page);
        await page.GetByRole(AriaRole.Textbox).ClickAsync();
        await page.Keyboard.TypeAsync(text);
        await page.Keyboard.PressAsync("Enter");
    }

    public async Task InitializeAsync()
    {
        azurite = await AzuriteServer.StartAsync();
        var botPort = FreePort.Next();
        bot = new BotOnKestrel(azurite.ConnectionString, botPort);
        bot.StartServer();
        await ImportSamplePlansAsync(bot.Services);

        var playgroundPort = FreePort.Next();
        playground = ToolProcess.Start(
            RepositoryPaths.NodeTool("agentsplayground"),
            ["-e", $"http://127.0.0.1:{botPort}/api/messages", "-c", "msteams", "-p", playgroundPort.ToString(System.Globalization.CultureInfo.InvariantCulture), "--dt"]);
        await FreePort.WaitUntilListeningAsync(playgroundPort, TimeSpan.FromSeconds(60), () => playground.Output);
        PlaygroundUrl = new Uri($"http://127.0.0.1:{playgroundPort}/");

        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium.ExecutablePath(),
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        playwright?.Dispose();
        if (playground is not null)
        {
            await playground.DisposeAsync();
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

        public BotOnKestrel(string storage, int port)
        {
            this.storage = storage;
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
            }));
        }
    }
}
