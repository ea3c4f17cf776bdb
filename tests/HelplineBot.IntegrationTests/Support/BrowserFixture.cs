using Microsoft.Playwright;

namespace HelplineBot.IntegrationTests.Support;

/// <summary>
/// The running app and Debian's Chromium driven by Playwright (headless, never a downloaded browser),
/// shared by a test class. Without Chromium the tests fail and say how to get it.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public HelplineBotApp App { get; } = new();

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath)) return;
        // The browser is Debian's; Playwright must never fetch one of its own.
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
                "--disable-component-update", "--disable-sync",
            ],
        });
    }

    /// <summary>A fresh browser context (its own storage) with a default timeout on every wait.</summary>
    public async Task<IBrowserContext> NewContextAsync()
    {
        if (_browser is null)
            Assert.Fail($"Chromium is not installed at {ChromiumPath}. Run the test command from the README " +
                        "(`bash tests/run-all.sh`), which installs Debian's chromium package; CI does the same.");
        var context = await _browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = App.BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = 480, Height = 820 },
            Locale = "en-US",
        });
        context.SetDefaultTimeout(10_000);
        return context;
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null) await _browser.DisposeAsync();
        _playwright?.Dispose();
        await App.DisposeAsync();
    }
}
