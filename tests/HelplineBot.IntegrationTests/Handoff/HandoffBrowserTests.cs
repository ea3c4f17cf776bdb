using Microsoft.Playwright;

namespace HelplineBot.IntegrationTests.Handoff;

/// <summary>A visitor in Web Chat and an advisor in the console, two real Chromium pages (issue 6 §7).</summary>
public class HandoffBrowserTests(HandoffBrowser browser) : IClassFixture<HandoffBrowser>
{
    static HandoffBrowserTests() => Assertions.SetDefaultExpectTimeout(15_000);

    // Web Chat renders each message as a paragraph in its bubble (plus hidden screen-reader copies).
    private static ILocator Said(IPage visitor, string text) => visitor.Locator("p", new() { HasText = text }).Last;

    [Fact]
    public async Task CrisisInWebChatReachesTheConsoleAndTheAdvisorChatsLiveThenTheBotResumes()
    {
        var advisor = await browser.NewPageAsync();
        await advisor.GotoAsync("/advisor/");
        Assert.EndsWith("/advisor/signin", new Uri(advisor.Url).AbsolutePath, StringComparison.Ordinal);
        await advisor.GetByLabel("User name").FillAsync("sam.lee");
        await advisor.GetByLabel("Password").FillAsync(HandoffHarness.Password);
        await advisor.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(advisor.Locator("#connection")).ToHaveTextAsync("Connected");

        var visitor = await browser.NewPageAsync();
        await visitor.GotoAsync("/");
        var sendBox = visitor.Locator("[data-id='webchat-sendbox-input']");
        await Assertions.Expect(Said(visitor, HandoffTestHandler.Welcome)).ToBeVisibleAsync();
        await sendBox.FillAsync("I want to kill myself");
        await sendBox.PressAsync("Enter");
        await Assertions.Expect(visitor.Locator(".webchat__bubble p", new() { HasText = "Suicide & Crisis Lifeline" }).First).ToBeVisibleAsync();
        await Assertions.Expect(Said(visitor, "connecting you with an advisor")).ToBeVisibleAsync();

        // The alert is visible, the queue shows the crisis badge, and accept is a labelled button.
        await Assertions.Expect(advisor.Locator("#crisisAlert")).ToContainTextAsync("Crisis waiting");
        await Assertions.Expect(advisor.Locator("#queue .badge.crisis")).ToHaveTextAsync("Crisis");
        await advisor.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Accept ") }).ClickAsync();
        await Assertions.Expect(advisor.Locator("#context")).ToContainTextAsync("Safety evidence");
        await Assertions.Expect(Said(visitor, "Sam, an advisor, has joined the chat.")).ToBeVisibleAsync();

        // Typing shows in Web Chat, then the message arrives with the advisor's first name.
        var message = advisor.GetByLabel("Message to the person");
        await message.PressSequentiallyAsync("I am here with you.");
        await Assertions.Expect(visitor.Locator(".webchat__typing-indicator")).ToBeVisibleAsync();
        await advisor.GetByRole(AriaRole.Button, new() { Name = "Send", Exact = true }).ClickAsync();
        await Assertions.Expect(Said(visitor, "Sam (advisor): I am here with you.")).ToBeVisibleAsync();

        await sendBox.FillAsync("thank you, I'm at home");
        await sendBox.PressAsync("Enter");
        await Assertions.Expect(advisor.Locator("#transcript")).ToContainTextAsync("thank you, I'm at home");

        await advisor.ScreenshotAsync(new() { Path = Path.Combine("TestResults", "handoff-console.png") });
        await visitor.ScreenshotAsync(new() { Path = Path.Combine("TestResults", "handoff-webchat.png") });

        // A reload mid-chat loses nothing: the chat reopens with its whole transcript.
        await advisor.ReloadAsync();
        await Assertions.Expect(advisor.Locator("#transcript")).ToContainTextAsync("I am here with you.");
        await Assertions.Expect(advisor.Locator("#transcript")).ToContainTextAsync("thank you, I'm at home");

        advisor.Dialog += (_, dialog) => dialog.AcceptAsync();
        await advisor.GetByRole(AriaRole.Button, new() { Name = "End chat" }).ClickAsync();
        await Assertions.Expect(advisor.Locator("#chatStatus")).ToContainTextAsync("The bot has resumed");
        await Assertions.Expect(Said(visitor, "has left the chat")).ToBeVisibleAsync();

        await sendBox.FillAsync("what happens in detox");
        await sendBox.PressAsync("Enter");
        await Assertions.Expect(Said(visitor, HandoffTestHandler.BotPrefix + "what happens in detox")).ToBeVisibleAsync();
    }
}
