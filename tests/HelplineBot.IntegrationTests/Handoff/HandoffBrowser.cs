using Microsoft.Playwright;

namespace HelplineBot.IntegrationTests.Handoff;

/// <summary>
/// Debian's Chromium under Playwright for the handoff scenarios (headless; never a downloaded browser),
/// with the bot wired for handoff and one advisor account.
/// </summary>
public class HandoffBrowser : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public HandoffBrowser() : this(HandoffHarness.StartApp()) { }

    protected HandoffBrowser(HelplineBotApp app) => App = app;

    internal HelplineBotApp App { get; }

    public async Task InitializeAsync()
    {
        await HandoffHarness.CreateAdvisorAsync(App, "Sam Lee");
        if (!File.Exists(ChromiumPath)) return;
        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        _playwright = await Playwright.CreateAsync().WaitAsync(TimeSpan.FromSeconds(30));
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Timeout = 30_000,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--autoplay-policy=no-user-gesture-required",
            ],
        }).WaitAsync(TimeSpan.FromSeconds(40));
    }

    /// <summary>A new page in its own context (own cookies and storage), with a default timeout on every wait.</summary>
    public async Task<IPage> NewPageAsync()
    {
        if (_browser is null) Assert.Fail($"Chromium is not installed at {ChromiumPath} (Debian package 'chromium').");
        var context = await _browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = App.BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = 1280, Height = 800 },
            Locale = "en-US",
        });
        context.SetDefaultTimeout(15_000);
        return await context.NewPageAsync();
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null) await _browser.DisposeAsync();
        _playwright?.Dispose();
        await App.DisposeAsync();
    }
}

/// <summary>The same browser, with the bot's real safety screen and dialogs in front of the handoff.</summary>
public sealed class WiredHandoffBrowser : HandoffBrowser
{
    public WiredHandoffBrowser() : base(new HelplineBotApp()) { }
}
