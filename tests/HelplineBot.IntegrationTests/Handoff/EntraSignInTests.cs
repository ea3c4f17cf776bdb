using System.Net;
using System.Text.RegularExpressions;
using HelplineBot.IntegrationTests.Fakes;
using HelplineBot.IntegrationTests.Support;
using Microsoft.Playwright;

namespace HelplineBot.IntegrationTests.Handoff;

/// <summary>
/// Advisors signing in with Microsoft Entra ID (Handoff:SignIn = "Entra") in Debian's Chromium, against a loopback
/// fake of Entra's v2.0 endpoints: the real OpenID Connect handler of Microsoft.Identity.Web does the protocol.
/// </summary>
public sealed partial class EntraSignInTests(EntraSignInTests.Browser browser) : IClassFixture<EntraSignInTests.Browser>
{
    [Fact]
    public async Task Advisor_SignsInWithEntra_AndWorksTheConsoleUnderTheirName()
    {
        var page = await browser.NewPageAsync();
        browser.Entra.NextUser = new EntraUser("Robin Okafor", ["advisor"]);

        await page.GotoAsync("/advisor/");
        await Assertions.Expect(page).ToHaveURLAsync(SignInPage());
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in with Microsoft" }).ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(ConsolePage());
        await Assertions.Expect(page.Locator("#me")).ToHaveTextAsync("Robin Okafor");
        await Assertions.Expect(page.Locator("#connection")).ToHaveTextAsync("Connected");
        await Assertions.Expect(page.Locator("#supervisor")).ToBeHiddenAsync();
        Assert.Contains("token ok", browser.Entra.Log);
    }

    [Fact]
    public async Task Supervisor_AppRole_OpensTheSupervisorView()
    {
        var page = await browser.NewPageAsync();
        browser.Entra.NextUser = new EntraUser("Alex Moreno", ["advisor", "supervisor"]);

        await SignInAsync(page);

        await Assertions.Expect(page.Locator("#me")).ToHaveTextAsync("Alex Moreno (supervisor)");
        await Assertions.Expect(page.Locator("#supervisor")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Account_WithoutAnAdvisorRole_IsTurnedAwayWithAPlainMessage()
    {
        var page = await browser.NewPageAsync();
        browser.Entra.NextUser = new EntraUser("Pat Visitor", []);
        var tokensBefore = TokensIssued();

        await page.GotoAsync("/advisor/signin");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in with Microsoft" }).ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(FailedSignInPage());
        Assert.Equal(tokensBefore + 1, TokensIssued());
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("advisor role");
        Assert.Equal(HttpStatusCode.Unauthorized, await StatusOfAsync(page, "/advisor/api/me"));
    }

    [Fact]
    public async Task Token_IssuedByAnotherTenant_IsRefused()
    {
        var page = await browser.NewPageAsync();
        browser.Entra.NextUser = new EntraUser("Outside Admin", ["supervisor"]);
        browser.Entra.IssueForTenant = Guid.NewGuid().ToString();
        var tokensBefore = TokensIssued();
        try
        {
            await page.GotoAsync("/advisor/signin");
            await page.GetByRole(AriaRole.Button, new() { Name = "Sign in with Microsoft" }).ClickAsync();

            await Assertions.Expect(page).ToHaveURLAsync(FailedSignInPage());
            Assert.Equal(tokensBefore + 1, TokensIssued());
            Assert.Equal(HttpStatusCode.Unauthorized, await StatusOfAsync(page, "/advisor/api/me"));
        }
        finally
        {
            browser.Entra.IssueForTenant = null;
        }
    }

    [Fact]
    public async Task SignOut_EndsTheSessionHereAndAtEntra()
    {
        var page = await browser.NewPageAsync();
        browser.Entra.NextUser = new EntraUser("Sam Rivera", ["advisor"]);
        await SignInAsync(page);
        var logoutsBefore = browser.Entra.Log.Count(entry => entry == "logout");

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(SignInPage());
        Assert.Equal(logoutsBefore + 1, browser.Entra.Log.Count(entry => entry == "logout"));
        Assert.Equal(HttpStatusCode.Unauthorized, await StatusOfAsync(page, "/advisor/api/me"));
    }

    [Theory]
    [InlineData("GET", "/advisor/", HttpStatusCode.Redirect)]
    [InlineData("GET", "/advisor/console.js", HttpStatusCode.Redirect)]
    [InlineData("GET", "/advisor/api/me", HttpStatusCode.Unauthorized)]
    [InlineData("POST", "/advisor/hub/negotiate?negotiateVersion=1", HttpStatusCode.Unauthorized)]
    public async Task Console_WithoutSignIn_IsClosedUnderEntraToo(string method, string path, HttpStatusCode expected)
    {
        using var http = AnonymousClient();

        using var response = await http.SendAsync(new HttpRequestMessage(new HttpMethod(method), path)).WaitAsync(HandoffHarness.Timeout);

        Assert.Equal(expected, response.StatusCode);
        if (expected == HttpStatusCode.Redirect)
            Assert.StartsWith("/advisor/signin", new Uri(browser.App.BaseAddress, response.Headers.Location!).AbsolutePath, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PasswordForm_IsNotOffered_WhenAdvisorsSignInWithEntra()
    {
        using var http = AnonymousClient();

        using var post = await http.PostAsync("/advisor/signin", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["userName"] = "sam.lee",
            ["password"] = HandoffHarness.Password,
        })).WaitAsync(HandoffHarness.Timeout);
        var page = await http.GetStringAsync("/advisor/signin").WaitAsync(HandoffHarness.Timeout);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, post.StatusCode);
        Assert.False(post.Headers.Contains("Set-Cookie"));
        Assert.DoesNotContain("type=\"password\"", page, StringComparison.Ordinal);
    }

    private HttpClient AnonymousClient() => new(new HttpClientHandler
    {
        AllowAutoRedirect = false,
        ServerCertificateCustomValidationCallback = HttpClientHandler.DangerousAcceptAnyServerCertificateValidator,
    }) { BaseAddress = browser.App.BaseAddress };

    // A refusal must come from checking the token, not from a sign-in that never got one.
    private int TokensIssued() => browser.Entra.Log.Count(entry => entry == "token ok");

    private static async Task SignInAsync(IPage page)
    {
        await page.GotoAsync("/advisor/signin");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in with Microsoft" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(ConsolePage());
        await Assertions.Expect(page.Locator("#connection")).ToHaveTextAsync("Connected");
    }

    private static async Task<HttpStatusCode> StatusOfAsync(IPage page, string path) =>
        (HttpStatusCode)await page.EvaluateAsync<int>("async path => (await fetch(path, { credentials: 'same-origin' })).status", path);

    [GeneratedRegex(@"/advisor/signin(\?ReturnUrl=[^&]*)?$")]
    private static partial Regex SignInPage();

    [GeneratedRegex(@"/advisor/signin\?failed=1$")]
    private static partial Regex FailedSignInPage();

    [GeneratedRegex(@"/advisor/$")]
    private static partial Regex ConsolePage();

    /// <summary>The fake Entra, the bot signing advisors in with it, and Debian's Chromium.</summary>
    public sealed class Browser : IAsyncLifetime
    {
        private IPlaywright? _playwright;
        private IBrowser? _browser;

        public FakeEntraSignIn Entra { get; private set; } = null!;
        internal HelplineBotApp App { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            Entra = await FakeEntraSignIn.StartAsync();
            // HTTPS as in production: the sign-in's correlation cookies are SameSite=None, which browsers keep only on HTTPS.
            App = HandoffHarness.StartApp(Entra.Settings(), httpsCertificate: LoopbackCertificate.Create());
            if (DebianChromium.IsInstalled) (_playwright, _browser) = await DebianChromium.LaunchAsync();
        }

        public Task<IPage> NewPageAsync() => HandoffBrowser.NewConsolePageAsync(_browser, App.BaseAddress, acceptSelfSigned: true);

        public async Task DisposeAsync()
        {
            if (_browser is not null) await _browser.DisposeAsync();
            _playwright?.Dispose();
            if (App is not null) await App.DisposeAsync();
            if (Entra is not null) await Entra.DisposeAsync();
        }
    }
}
