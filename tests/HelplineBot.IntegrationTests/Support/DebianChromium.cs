using Microsoft.Playwright;

namespace HelplineBot.IntegrationTests.Support;

/// <summary>
/// Debian's Chromium, launched headless by Playwright the one way every browser test does: never a
/// downloaded browser, and with background networking off (this machine's network is closed).
/// </summary>
public static class DebianChromium
{
    public const string Path = "/usr/bin/chromium";

    public const string Missing =
        "Chromium is not installed at " + Path + ". Run the test command from the README " +
        "(`bash tests/run-all.sh`), which installs Debian's chromium package; CI does the same.";

    public static bool IsInstalled => File.Exists(Path);

    public static async Task<(IPlaywright Playwright, IBrowser Browser)> LaunchAsync(params string[] extraArgs)
    {
        // The browser is Debian's; Playwright must never fetch one of its own.
        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        var playwright = await Playwright.CreateAsync().WaitAsync(TimeSpan.FromSeconds(30));
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Path,
            Headless = true,
            Timeout = 30_000,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", .. extraArgs,
            ],
        }).WaitAsync(TimeSpan.FromSeconds(40));
        return (playwright, browser);
    }
}
