using HelplineBot.IntegrationTests.Support;
using HelplineBot.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace HelplineBot.IntegrationTests.Browser;

/// <summary>
/// The helpline's scripted conversations in the real Web Chat (issue 3 "Done when"): a visitor walks the
/// self-check by pressing the suggested actions, then requests a call back by typing, and the request is
/// stored for advisors.
/// </summary>
public sealed class WebChatFlowsTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private const string BotBubbles = ".webchat__bubble:not(.webchat__bubble--from-user)";
    private const string SendBox = "[data-id=\"webchat-sendbox-input\"]";

    [Fact]
    public async Task SelfCheckByButtons_ThenCallbackByTyping_InWebChat()
    {
        await using var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");
        await Expect(page.Locator(BotBubbles).First).ToContainTextAsync("988");

        await PressAsync(page, "Take a self-check");
        await ExpectBotSaysAsync(page, "1/6");
        await PressAsync(page, "Every day or nearly");
        await ExpectBotSaysAsync(page, "2/6");
        await PressAsync(page, "Yes");
        await ExpectBotSaysAsync(page, "3/6");
        await PressAsync(page, "Yes");
        await ExpectBotSaysAsync(page, "4/6");
        await PressAsync(page, "No");
        await ExpectBotSaysAsync(page, "5/6");
        await PressAsync(page, "I'm not sure");
        await ExpectBotSaysAsync(page, "6/6");
        await PressAsync(page, "Yes");
        await ExpectBotSaysAsync(page, "not a diagnosis");
        await page.ScreenshotAsync(new() { Path = Path.Combine(RepositoryPaths.Screenshots, "webchat-self-check.png") });

        await PressAsync(page, "Request a call back");
        await ExpectBotSaysAsync(page, "name or alias");
        await TypeAsync(page, "R.");
        await ExpectBotSaysAsync(page, "area code");
        await TypeAsync(page, "my number is private");
        await ExpectBotSaysAsync(page, "read that as a phone number");
        await TypeAsync(page, "(312) 555-0123");
        await ExpectBotSaysAsync(page, "good time to call");
        await TypeAsync(page, "after 6pm");
        await ExpectBotSaysAsync(page, "Is it OK");
        await PressAsync(page, "Yes");
        await ExpectBotSaysAsync(page, "voicemail");
        await PressAsync(page, "No");
        await ExpectBotSaysAsync(page, "your request is saved");
        await page.ScreenshotAsync(new() { Path = Path.Combine(RepositoryPaths.Screenshots, "webchat-callback.png") });

        var callbacks = await fixture.App.Services.GetRequiredService<IAdvisorRequestStore>().ListOpenCallbacksAsync(CancellationToken.None);
        var callback = Assert.Single(callbacks);
        Assert.Equal(("R.", "+13125550123", "after 6pm", false), (callback.Name, callback.PhoneE164, callback.BestTime, callback.VoicemailOk));
        Assert.NotEmpty(callback.Context); // the self-check answers go with it, for the advisor
    }

    // Suggested actions belong to the last bot message; pressing one posts its title as the visitor's text.
    private static async Task PressAsync(IPage page, string title)
    {
        var button = page.GetByRole(AriaRole.Button, new() { Name = title, Exact = true }).Last;
        await button.ClickAsync();
    }

    private static async Task TypeAsync(IPage page, string text)
    {
        var input = page.Locator(SendBox);
        await input.FillAsync(text);
        await input.PressAsync("Enter");
    }

    private static async Task ExpectBotSaysAsync(IPage page, string words)
    {
        try
        {
            await Expect(page.Locator(BotBubbles).Filter(new() { HasText = words }).Last).ToBeVisibleAsync();
        }
        catch (PlaywrightException)
        {
            var all = await page.Locator(".webchat__bubble").AllInnerTextsAsync();
            Assert.Fail($"the bot did not say \"{words}\"; the transcript ends with:\n{string.Join("\n---\n", all.TakeLast(4))}");
        }
    }
}
