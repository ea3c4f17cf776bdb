using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace HelplineBot.IntegrationTests.WebChat;

public class ChatPageTests : IClassFixture<ChatPageTests.App>
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);
    private readonly HttpClient _http;
    private readonly App _app;

    public ChatPageTests(App app)
    {
        _app = app;
        _http = new HttpClient { BaseAddress = app.Bot.BaseAddress };
    }

    public sealed class App : IAsyncLifetime
    {
        public HelplineBotApp Bot { get; } = new(new Dictionary<string, string?>
        {
            ["Helpline:Name"] = "Test <Helpline>",
            ["Helpline:Phone"] = "555-0100",
        });

        public Task InitializeAsync() => Task.CompletedTask;
        public async Task DisposeAsync() => await Bot.DisposeAsync();
    }

    [Fact]
    public async Task Root_ServesWebChatFromOurOwnFiles_WithTheConfiguredHelpline()
    {
        using var response = await _http.GetAsync("/").WaitAsync(Timeout);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Test &lt;Helpline&gt;", html);
        Assert.Contains("555-0100", html);
        Assert.Contains("<script src=\"/lib/webchat.js\"></script>", html);
        Assert.DoesNotContain("cdn.", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("https://", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Root_HasAContentSecurityPolicy_ThatKeepsThePageOnThisServer()
    {
        using var response = await _http.GetAsync("/").WaitAsync(Timeout);

        var policy = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("default-src 'self'", policy);
        Assert.Contains("script-src 'self'", policy);
        Assert.Contains("connect-src 'self'", policy);
    }

    [Fact]
    public async Task WebChatBundle_IsServedByTheBot()
    {
        using var response = await _http.GetAsync("/lib/webchat.js").WaitAsync(Timeout);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True((await response.Content.ReadAsByteArrayAsync()).Length > 100_000);
    }

    [Fact]
    public async Task TokenEndpoint_GivesAConversationToken_AndNeverTheSecret()
    {
        var secret = (await File.ReadAllTextAsync(Path.Combine(_app.Bot.DataFolder, "directline-secret.txt"))).Trim();

        using var response = await _http.PostAsync("/api/chat/token", null).WaitAsync(Timeout);
        var body = await response.Content.ReadAsStringAsync();
        using var json = JsonDocument.Parse(body);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain(secret, body);
        Assert.False(string.IsNullOrEmpty(json.RootElement.GetProperty("conversationId").GetString()));
        Assert.Equal(1800, json.RootElement.GetProperty("expires_in").GetInt32());

        // The token works for its own conversation only.
        var token = json.RootElement.GetProperty("token").GetString();
        using var start = new HttpRequestMessage(HttpMethod.Post, "/v3/directline/conversations") { Content = JsonContent.Create(new { }) };
        start.Headers.Authorization = new("Bearer", token);
        using var started = await _http.SendAsync(start).WaitAsync(Timeout);
        using var startedJson = JsonDocument.Parse(await started.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Created, started.StatusCode);
        Assert.Equal(json.RootElement.GetProperty("conversationId").GetString(), startedJson.RootElement.GetProperty("conversationId").GetString());
    }

    [Fact]
    public async Task LauncherScriptAndDemoPage_AreServed()
    {
        using var script = await _http.GetAsync("/launcher.js").WaitAsync(Timeout);
        using var demo = await _http.GetAsync("/launcher-demo.html").WaitAsync(Timeout);

        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
        Assert.Contains("/launcher.js", await demo.Content.ReadAsStringAsync());
    }
}
