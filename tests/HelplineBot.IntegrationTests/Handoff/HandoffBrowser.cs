using HelplineBot.IntegrationTests.Support;
using Microsoft.Playwright;

namespace HelplineBot.IntegrationTests.Handoff;

/// <summary>
/// Debian's Chromium under Playwright for the handoff scenarios (headless; never a downloaded browser),
/// with the bot wired for handoff and one advisor account.
/// </summary>
public class HandoffBrowser : IAsyncLifetime
{
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public HandoffBrowser() : this(HandoffHarness.StartApp()) { }

    protected HandoffBrowser(HelplineBotApp app) => App = app;

    internal HelplineBotApp App { get; }

    public async Task InitializeAsync()
    {
        await HandoffHarness.CreateAdvisorAsync(App, "Sam Lee");
        if (!DebianChromium.IsInstalled) return;
        // The console's crisis alert is a sound: allow it to play without a click.
        (_playwright, _browser) = await DebianChromium.LaunchAsync("--autoplay-policy=no-user-gesture-required");
    }

    /// <summary>A new page in its own context (own cookies and storage), with a default timeout on every wait.</summary>
    public Task<IPage> NewPageAsync() => NewConsolePageAsync(_browser, App.BaseAddress);

    /// <summary>A laptop-sized page in a fresh context; <paramref name="acceptSelfSigned"/> for a bot on a test certificate.</summary>
    internal static async Task<IPage> NewConsolePageAsync(IBrowser? browser, Uri baseAddress, bool acceptSelfSigned = false)
    {
        if (browser is null) Assert.Fail(DebianChromium.Missing);
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = 1280, Height = 800 },
            Locale = "en-US",
            IgnoreHTTPSErrors = acceptSelfSigned,
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
