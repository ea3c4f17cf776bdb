using Microsoft.Playwright;

namespace HelplineBot.IntegrationTests.Handoff;

/// <summary>Web Chat and the console with the real safety screen and dialogs: asking for a person reaches an advisor and back.</summary>
public class WiredBrowserTests(WiredHandoffBrowser browser) : IClassFixture<WiredHandoffBrowser>
{
    static WiredBrowserTests() => Assertions.SetDefaultExpectTimeout(15_000);

    private static ILocator Said(IPage visitor, string text) => visitor.Locator("p", new() { HasText = text }).Last;

    [Fact]
    public async Task VisitorAsksForAPersonInWebChat_AdvisorAcceptsChatsAndEnds_TheBotResumes()
    {
        var advisor = await browser.NewPageAsync();
        await advisor.GotoAsync("/advisor/signin");
        await advisor.GetByLabel("User name").FillAsync("sam.lee");
        await advisor.GetByLabel("Password").FillAsync(HandoffHarness.Password);
        await advisor.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(advisor.Locator("#connection")).ToHaveTextAsync("Connected");

        var visitor = await browser.NewPageAsync();
        await visitor.GotoAsync("/");
        var sendBox = visitor.Locator("[data-id='webchat-sendbox-input']");
        await Assertions.Expect(visitor.Locator(".webchat__bubble").First).ToBeVisibleAsync();
        await sendBox.FillAsync("I want to talk to a person");
        await sendBox.PressAsync("Enter");
        await Assertions.Expect(Said(visitor, "connecting you with an advisor")).ToBeVisibleAsync();

        await Assertions.Expect(advisor.Locator("#queue li")).ToHaveCountAsync(1);
        await advisor.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Accept ") }).ClickAsync();
        await Assertions.Expect(Said(visitor, "Sam, an advisor, has joined the chat.")).ToBeVisibleAsync();
        await Assertions.Expect(advisor.Locator("#transcript")).ToContainTextAsync("I want to talk to a person");

        await advisor.GetByLabel("Message to the person").FillAsync("Hello, this is Sam. How can I help?");
        await advisor.GetByLabel("Message to the person").PressAsync("Enter");
        await Assertions.Expect(Said(visitor, "Sam (advisor): Hello, this is Sam.")).ToBeVisibleAsync();
        await sendBox.FillAsync("I need help finding a treatment programme");
        await sendBox.PressAsync("Enter");
        await Assertions.Expect(advisor.Locator("#transcript")).ToContainTextAsync("I need help finding a treatment programme");

        advisor.Dialog += (_, dialog) => dialog.AcceptAsync();
        await advisor.GetByRole(AriaRole.Button, new() { Name = "End chat" }).ClickAsync();
        await Assertions.Expect(Said(visitor, "has left the chat")).ToBeVisibleAsync();

        // Back with the bot: the next message is answered by the dialogs again, not relayed.
        var bubbles = await visitor.Locator(".webchat__bubble").CountAsync();
        await sendBox.FillAsync("what is ketamine");
        await sendBox.PressAsync("Enter");
        await Assertions.Expect(visitor.Locator(".webchat__bubble").Nth(bubbles + 1)).ToBeVisibleAsync();
        await advisor.ReloadAsync();
        await Assertions.Expect(advisor.Locator("#transcript")).ToContainTextAsync("treatment programme");
        await Assertions.Expect(advisor.Locator("#transcript")).Not.ToContainTextAsync("what is ketamine");
    }
}
