using HelplineBot.Handoff;
using HelplineBot.IntegrationTests.Handoff;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace HelplineBot.IntegrationTests.TeamsAlerts;

/// <summary>The real bot (default pipeline) in Chromium, for the console link a Teams alert carries.</summary>
public sealed class DeepLinkBrowser : HandoffBrowser
{
    public DeepLinkBrowser() : base(new HelplineBotApp(services: services =>
    {
        services.AddSingleton<QueuedProbe>();
        services.AddSingleton<IHandoffListener>(provider => provider.GetRequiredService<QueuedProbe>());
    }))
    {
    }
}

public sealed class ConsoleDeepLinkTests(DeepLinkBrowser browser) : IClassFixture<DeepLinkBrowser>
{
    static ConsoleDeepLinkTests() => Assertions.SetDefaultExpectTimeout(15_000);

    [Fact]
    public async Task DeepLinkToAWaitingPerson_MarksThemInTheQueueAndFocusesAccept()
    {
        var advisor = await SignedInConsoleAsync();
        await using var visitor = await Visitor.StartAsync(browser.App);
        await visitor.SayAsync("I want to talk to a person");
        var entry = await browser.App.Services.GetRequiredService<QueuedProbe>().WaitForQueuedAsync(visitor.ConversationId, HandoffHarness.Timeout);

        await advisor.GotoAsync($"/advisor/?handoff={Uri.EscapeDataString(entry.Id)}");

        var item = advisor.Locator($"#queue li[data-handoff='{entry.Id}']");
        await Assertions.Expect(item).ToHaveClassAsync(new System.Text.RegularExpressions.Regex(@"\blinked\b"));
        await Assertions.Expect(item.GetByRole(AriaRole.Button)).ToBeFocusedAsync();
        await Assertions.Expect(advisor.Locator("#linkStatus")).ToContainTextAsync("From the Teams alert: Asked for a person");
        Assert.Equal(string.Empty, new Uri(advisor.Url).Query);
        // The link only points; the person is still waiting until the advisor accepts.
        Assert.Equal(HandoffState.Queued, (await browser.App.Services.GetRequiredService<HandoffStore>().GetAsync(entry.Id, CancellationToken.None))!.State);
    }

    [Fact]
    public async Task DeepLinkToAHandoffNoLongerWaiting_SaysSo()
    {
        var advisor = await SignedInConsoleAsync();

        await advisor.GotoAsync("/advisor/?handoff=no-such-handoff");

        await Assertions.Expect(advisor.Locator("#linkStatus")).ToContainTextAsync("no longer waiting");
        await Assertions.Expect(advisor.Locator("#queue li.linked")).ToHaveCountAsync(0);
    }

    private async Task<IPage> SignedInConsoleAsync()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/advisor/signin");
        await page.GetByLabel("User name").FillAsync("sam.lee");
        await page.GetByLabel("Password").FillAsync(HandoffHarness.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page.Locator("#connection")).ToHaveTextAsync("Connected");
        return page;
    }
}
