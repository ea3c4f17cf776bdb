using System.Net;
using System.Net.Sockets;
using HelplineBot.IntegrationTests.Support;
using Microsoft.Playwright;

namespace HelplineBot.IntegrationTests.Teams;

/// <summary>
/// End to end through the Microsoft 365 Agents Playground, the Teams-channel emulator: its web UI in
/// Debian's Chromium (Playwright), its Teams-shaped activities posted to the real bot, the bot's replies
/// sent back to its /_connector. Personal chat, a card button, a crisis message and a group chat mention.
/// </summary>
public sealed class AgentsPlaygroundTests : IAsyncLifetime
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);
    private readonly BrowserFixture _browser = new();
    private AgentsPlayground? _playground;
    private string _workFolder = string.Empty;

    public async Task InitializeAsync()
    {
        await _browser.InitializeAsync();
        _workFolder = Directory.CreateTempSubdirectory("helplinebot-playground-").FullName;
        _playground = await AgentsPlayground.StartAsync(new Uri(_browser.App.BaseAddress, "api/messages"), _workFolder);
    }

    [Fact]
    public async Task Playground_ListensOnLoopbackOnly()
    {
        var addresses = await _playground!.ListeningAddressesAsync();

        Assert.NotEmpty(addresses);
        Assert.All(addresses, address => Assert.StartsWith("127.0.0.1:", address, StringComparison.Ordinal));
        foreach (var other in AgentsPlayground.OtherLocalAddresses())
        {
            using var client = new TcpClient();
            var error = await Assert.ThrowsAsync<SocketException>(() => client.ConnectAsync(other, _playground.Port).WaitAsync(Timeout));
            Assert.Equal(SocketError.ConnectionRefused, error.SocketErrorCode);
        }
        using var loopback = new TcpClient();
        await loopback.ConnectAsync(IPAddress.Loopback, _playground.Port).WaitAsync(Timeout);
    }

    [Fact]
    public async Task Playground_PersonalChatCardCrisisAndGroupMention_AnsweredByTheBot()
    {
        await using var context = await _browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.SetViewportSizeAsync(1280, 900);
        page.SetDefaultTimeout((float)Timeout.TotalMilliseconds);
        try
        {
            await page.GotoAsync(_playground!.BaseAddress.AbsoluteUri);

            // Personal chat: the Playground adds the bot and the user, the bot welcomes.
            await Expect(page.GetByText("It's confidential", new() { Exact = false }).First);

            // A card choice: the self-check's first question is an Adaptive Card; its button answers it.
            await SendAsync(page, "self check");
            await Expect(page.GetByText("How often do you use ketamine").Last);
            await page.GetByRole(AriaRole.Button, new() { Name = "Every day or nearly" }).Last.ClickAsync();
            await Expect(page.GetByText("Have you tried to stop").Last);

            // A crisis message: the crisis reply with 988 and 911 leaves at once.
            await SendAsync(page, "i want to kill myself tonight");
            // (988 and 911 are in the welcome too: look for the crisis message's own sentence holding them.)
            var crisis = page.GetByText("Suicide & Crisis Lifeline").Last;
            await Expect(crisis);
            Assert.Contains("988", await crisis.InnerTextAsync());
            Assert.Contains("911", await crisis.InnerTextAsync());
            await Expect(page.GetByText("flagged this chat").Last);
            // Its buttons come as a card, which Teams shows (it drops a tel: suggested action).
            await Expect(page.GetByText("Call 988", new() { Exact = true }).Last);
            await page.ScreenshotAsync(new() { Path = Path.Combine(RepositoryPaths.Screenshots, "teams-playground-personal.png") });

            // Group chat: the bot answers when mentioned, with the mention removed before the dialogs.
            await page.GetByRole(AriaRole.Treeitem, new() { Name = "Group Chat" }).ClickAsync();
            await MentionBotAsync(page);
            await SendAsync(page, "self check", clear: false);
            await Expect(page.GetByText("How often do you use ketamine").Last);
            await page.ScreenshotAsync(new() { Path = Path.Combine(RepositoryPaths.Screenshots, "teams-playground-group.png") });
        }
        catch
        {
            await page.ScreenshotAsync(new() { Path = Path.Combine(RepositoryPaths.Screenshots, "teams-playground-failure.png") });
            throw;
        }
    }

    private static async Task SendAsync(IPage page, string text, bool clear = true)
    {
        var editor = page.Locator("[contenteditable='true'][role='textbox']");
        await editor.ClickAsync();
        if (clear) await page.Keyboard.PressAsync("Control+A");
        await page.Keyboard.TypeAsync(text);
        await page.Keyboard.PressAsync("Enter");
    }

    // Typing "@" opens the Playground's mention picker; the bot is picked from it.
    private static async Task MentionBotAsync(IPage page)
    {
        var editor = page.Locator("[contenteditable='true'][role='textbox']");
        await editor.ClickAsync();
        await page.Keyboard.TypeAsync("@");
        await page.GetByText("Test Bot", new() { Exact = true }).Last.ClickAsync(); // the Playground's default bot name
        await page.Keyboard.TypeAsync(" ");
    }

    private static Task Expect(ILocator locator) =>
        locator.WaitForAsync(new() { State = WaitForSelectorState.Visible, Timeout = (float)Timeout.TotalMilliseconds });

    public async Task DisposeAsync()
    {
        if (_playground is not null) await _playground.DisposeAsync();
        await _browser.DisposeAsync();
        try { Directory.Delete(_workFolder, recursive: true); } catch (IOException) { }
    }
}
