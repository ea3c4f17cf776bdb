using System.Text.RegularExpressions;
using HelplineBot.IntegrationTests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace HelplineBot.IntegrationTests.Browser;

/// <summary>
/// The website chat end to end: the page served by the app, Bot Framework Web Chat from our own files,
/// Direct Line over a WebSocket, in Debian's Chromium. Screenshots go to TestResults/screenshots.
/// </summary>
public sealed partial class WebChatPageTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private const string BotBubbles = ".webchat__bubble:not(.webchat__bubble--from-user)";
    private const string UserBubbles = ".webchat__bubble--from-user";
    private const string SendBox = "[data-id=\"webchat-sendbox-input\"]";

    static WebChatPageTests() => SetDefaultExpectTimeout(10_000);

    [Fact]
    public async Task ChatPage_TypeAMessage_ShowsWelcomeAndReplyFromOwnOriginOnly()
    {
        await using var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();
        var recorder = new PageRecorder(context, page);

        await page.GotoAsync("/");
        await Expect(page).ToHaveTitleAsync(new Regex("Ketamine Helpline"));
        var welcome = page.Locator(BotBubbles).First;
        await Expect(welcome).ToContainTextAsync("988");
        await Expect(welcome).ToContainTextAsync("911");

        await SendAsync(page, "Is this chat confidential?");
        await Expect(page.Locator(UserBubbles)).ToHaveTextAsync(["Is this chat confidential?"]);
        await WaitForBotToSettleAsync(page);
        await Expect(page.Locator(BotBubbles).Last).Not.ToBeEmptyAsync();

        // Web Chat marks a message sent only once the echo with its clientActivityID came back.
        var ownStatus = page.Locator(".webchat__activity-status--self");
        await Expect(ownStatus).ToHaveCountAsync(1);
        await Expect(ownStatus).Not.ToContainTextAsync(SendingOrFailed());
        await Expect(page.GetByText(SendingOrFailed())).ToHaveCountAsync(0);
        await page.ScreenshotAsync(new() { Path = Path.Combine(RepositoryPaths.Screenshots, "webchat-conversation.png") });

        Assert.Empty(recorder.ElsewhereThan(fixture.App.BaseAddress));
        Assert.Contains(recorder.Requests, url => url.EndsWith("/lib/webchat.js", StringComparison.Ordinal));
        Assert.Contains(recorder.WebSockets, url => url.Contains("/v3/directline/conversations/", StringComparison.Ordinal));
        Assert.Empty(recorder.Errors);
        Assert.Empty(recorder.Failures);
    }

    [Fact]
    public async Task ChatPage_Reload_KeepsTheConversationAndGoesOn()
    {
        await using var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");
        await Expect(page.Locator(BotBubbles).First).ToContainTextAsync("988");
        await SendAsync(page, "first message before the reload");
        await Expect(page.Locator(UserBubbles)).ToHaveTextAsync(["first message before the reload"]);
        var botBubblesBefore = await WaitForBotToSettleAsync(page);

        await page.ReloadAsync();

        await Expect(page.Locator(UserBubbles)).ToHaveTextAsync(["first message before the reload"]);
        await Expect(page.Locator(BotBubbles)).ToHaveCountAsync(botBubblesBefore); // history replayed, no second welcome
        await Expect(page.Locator(BotBubbles).First).ToContainTextAsync("988");
        await SendAsync(page, "second message after the reload");
        await Expect(page.Locator(UserBubbles)).ToHaveTextAsync(["first message before the reload", "second message after the reload"]);
        await Expect(page.Locator(BotBubbles)).Not.ToHaveCountAsync(botBubblesBefore);
        await Expect(page.GetByText(SendingOrFailed())).ToHaveCountAsync(0);
    }

    // The bot answers a message with one or more bubbles; the count is settled once the last user
    // message has been answered (a bot bubble follows it).
    private static async Task<int> WaitForBotToSettleAsync(IPage page)
    {
        await Expect(page.Locator($"{UserBubbles} >> nth=-1")).ToBeVisibleAsync();
        await page.WaitForFunctionAsync("""
            () => { const all = [...document.querySelectorAll('.webchat__bubble')];
                    return all.length > 0 && !all[all.length - 1].classList.contains('webchat__bubble--from-user'); }
            """);
        return await page.Locator(BotBubbles).CountAsync();
    }

    [Fact]
    public async Task LauncherDemo_ClickTheBubble_OpensTheChatInAFrameAndClosesIt()
    {
        await using var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();
        var recorder = new PageRecorder(context, page);
        await page.GotoAsync("/launcher-demo.html");
        var launcher = page.Locator("button.hl-launcher");
        await Expect(launcher).ToHaveAttributeAsync("aria-expanded", "false");
        await Expect(page.Locator("#hl-chat-frame")).ToHaveCountAsync(0);

        await launcher.ClickAsync();

        await Expect(launcher).ToHaveAttributeAsync("aria-expanded", "true");
        await Expect(page.Locator("#hl-chat-frame")).ToBeVisibleAsync();
        var chat = page.FrameLocator("#hl-chat-frame");
        await Expect(chat.Locator(BotBubbles).First).ToContainTextAsync("988");
        await Expect(chat.Locator(SendBox)).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(RepositoryPaths.Screenshots, "launcher-open.png") });

        await launcher.ClickAsync();
        await Expect(page.Locator("#hl-chat-frame")).ToBeHiddenAsync();
        await Expect(launcher).ToHaveAttributeAsync("aria-expanded", "false");
        Assert.Empty(recorder.ElsewhereThan(fixture.App.BaseAddress));
        Assert.True(recorder.Errors.Count == 0, string.Join("\n", recorder.Errors.Concat(recorder.Failures)));
    }

    private static async Task SendAsync(IPage page, string text)
    {
        var input = page.Locator(SendBox);
        await input.FillAsync(text);
        await input.PressAsync("Enter");
    }

    [GeneratedRegex("Sending|Send failed")]
    private static partial Regex SendingOrFailed();
}
