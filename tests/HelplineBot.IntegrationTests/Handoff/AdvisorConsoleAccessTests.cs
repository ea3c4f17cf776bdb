using System.Net;
using HelplineBot.Handoff.Accounts;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;

namespace HelplineBot.IntegrationTests.Handoff;

public class AdvisorConsoleAccessTests : IClassFixture<AdvisorConsoleAccessTests.App>
{
    private readonly App _app;
    private readonly HttpClient _anonymous;

    public AdvisorConsoleAccessTests(App app)
    {
        _app = app;
        _anonymous = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = app.Bot.BaseAddress };
    }

    public sealed class App : IAsyncLifetime
    {
        public HelplineBotApp Bot { get; } = HandoffHarness.StartApp();

        public async Task InitializeAsync() => await HandoffHarness.CreateAdvisorAsync(Bot, "Sam Lee");
        public async Task DisposeAsync() => await Bot.DisposeAsync();
    }

    [Theory]
    [InlineData("GET", "/advisor/")]
    [InlineData("GET", "/advisor/index.html")]
    [InlineData("GET", "/advisor/console.js")]
    [InlineData("GET", "/advisor/lib/signalr.min.js")]
    [InlineData("POST", "/advisor/signout")]
    public async Task ConsolePages_WithoutSignIn_RedirectToTheSignInPage(string method, string path)
    {
        using var response = await _anonymous.SendAsync(new HttpRequestMessage(new HttpMethod(method), path)).WaitAsync(HandoffHarness.Timeout);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/advisor/signin", new Uri(_app.Bot.BaseAddress, response.Headers.Location!).AbsolutePath, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("GET", "/advisor/api/me")]
    [InlineData("GET", "/advisor/api/canned")]
    [InlineData("POST", "/advisor/hub/negotiate?negotiateVersion=1")]
    public async Task ConsoleApiAndHub_WithoutSignIn_Answer401(string method, string path)
    {
        using var response = await _anonymous.SendAsync(new HttpRequestMessage(new HttpMethod(method), path)).WaitAsync(HandoffHarness.Timeout);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Hub_WithoutSignIn_RefusesTheConnection()
    {
        await using var hub = new HubConnectionBuilder().WithUrl(new Uri(_app.Bot.BaseAddress, "/advisor/hub")).Build();

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => hub.StartAsync().WaitAsync(HandoffHarness.Timeout));

        Assert.Equal(HttpStatusCode.Unauthorized, error.StatusCode);
    }

    [Fact]
    public async Task SignIn_WithoutAntiforgeryToken_IsRejected()
    {
        using var response = await _anonymous.PostAsync("/advisor/signin", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["userName"] = "sam.lee",
            ["password"] = HandoffHarness.Password,
        })).WaitAsync(HandoffHarness.Timeout);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain(response.Headers, h => h.Key == "Set-Cookie" && h.Value.Any(v => v.StartsWith("helpline-advisor=", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task SignIn_WrongPassword_IsRefusedWithoutSayingWhichPartWasWrong()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => HandoffHarness.SignInAsync(_app.Bot, "sam.lee", "not the password at all"));

        Assert.Contains("401", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignIn_RightPassword_OpensTheConsoleAndTheHub()
    {
        var cookies = await HandoffHarness.SignInAsync(_app.Bot, "sam.lee");
        using var http = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = _app.Bot.BaseAddress };

        using var page = await http.GetAsync("/advisor/").WaitAsync(HandoffHarness.Timeout);
        using var script = await http.GetAsync("/advisor/lib/signalr.min.js").WaitAsync(HandoffHarness.Timeout);
        await using var hub = await HandoffHarness.ConnectAdvisorAsync(_app.Bot, cookies);
        var state = await hub.InvokeAsync<HelplineBot.Handoff.ConsoleState>("GetState").WaitAsync(HandoffHarness.Timeout);

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
        Assert.Equal("Sam Lee", state.Me.DisplayName);
        Assert.False(state.Me.IsSupervisor);
    }

    [Fact]
    public async Task SupervisorView_ForAnAdvisor_IsRefused()
    {
        var cookies = await HandoffHarness.SignInAsync(_app.Bot, "sam.lee");
        await using var hub = await HandoffHarness.ConnectAdvisorAsync(_app.Bot, cookies);

        await Assert.ThrowsAsync<HubException>(() => hub.InvokeAsync<HelplineBot.Handoff.SupervisorView>("GetSupervisorView").WaitAsync(HandoffHarness.Timeout));
    }
}
