using Microsoft.Playwright;

namespace HelplineBot.IntegrationTests.Support;

/// <summary>
/// The running app and Debian's Chromium driven by Playwright (headless, never a downloaded browser),
/// shared by a test class. Without Chromium the tests fail and say how to get it.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public HelplineBotApp App { get; } = new();

    public async Task InitializeAsync()
    {
        if (!DebianChromium.IsInstalled) return;
        (_playwright, _browser) = await DebianChromium.LaunchAsync();
    }

    /// <summary>A fresh browser context (its own storage) with a default timeout on every wait.</summary>
    public async Task<IBrowserContext> NewContextAsync()
    {
        if (_browser is null)
            Assert.Fail(DebianChromium.Missing);
        var context = await _browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = App.BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = 480, Height = 820 },
            Locale = "en-US",
        });
        context.SetDefaultTimeout(15_000);
        return context;
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null) await _browser.DisposeAsync();
        _playwright?.Dispose();
        await App.DisposeAsync();
    }
}
