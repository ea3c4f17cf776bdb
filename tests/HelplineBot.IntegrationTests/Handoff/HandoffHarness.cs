using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using System.Text.RegularExpressions;
using HelplineBot.Channels.DirectLine;
using HelplineBot.Handoff;
using HelplineBot.Handoff.Accounts;
using HelplineBot.IntegrationTests.Support;
using HelplineBot.Protocol.Schema;
using HelplineBot.Turns;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace HelplineBot.IntegrationTests.Handoff;

/// <summary>The bot with the handoff wired in front of an echo, plus helpers for visitors and advisors over real sockets.</summary>
internal static partial class HandoffHarness
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);
    public const string Password = "a long enough test password";

    public static HelplineBotApp StartApp(IDictionary<string, string?>? settings = null, string? dataFolder = null, X509Certificate2? httpsCertificate = null) =>
        new(settings, services => services.AddSingleton<ITurnHandler, HandoffTestHandler>(), dataFolder, httpsCertificate);

    public static async Task<AdvisorAccount> CreateAdvisorAsync(HelplineBotApp app, string name, string role = AdvisorRoles.Advisor)
    {
        var accounts = app.Services.GetRequiredService<AdvisorAccounts>();
        return await accounts.CreateAsync(name.ToLowerInvariant().Replace(' ', '.'), name, role, Password, CancellationToken.None);
    }

    /// <summary>Signs in through the real form (antiforgery token included) and returns the cookies.</summary>
    public static async Task<CookieContainer> SignInAsync(HelplineBotApp app, string userName, string password = Password)
    {
        var cookies = new CookieContainer();
        using var http = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = app.BaseAddress };
        var page = await http.GetStringAsync("/advisor/signin").WaitAsync(Timeout);
        var token = AntiforgeryField().Match(page).Groups[1].Value;
        using var response = await http.PostAsync("/advisor/signin", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token),
            ["userName"] = userName,
            ["password"] = password,
        })).WaitAsync(Timeout);
        if (response.StatusCode != HttpStatusCode.Redirect) throw new InvalidOperationException($"Sign-in answered {(int)response.StatusCode}.");
        return cookies;
    }

    public static async Task<HubConnection> ConnectAdvisorAsync(HelplineBotApp app, CookieContainer cookies)
    {
        var hub = new HubConnectionBuilder()
            .WithUrl(new Uri(app.BaseAddress, "/advisor/hub"), options => options.Cookies = cookies)
            .AddJsonProtocol(json => json.PayloadSerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter(JsonNamingPolicy.CamelCase)))
            .Build();
        await hub.StartAsync().WaitAsync(Timeout);
        return hub;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}

/// <summary>A person on the website chat, speaking Direct Line over HTTP and listening to the conversation live.</summary>
internal sealed class Visitor : IAsyncDisposable
{
    private readonly HttpClient _http;
    private readonly LiveSubscription _live;

    private Visitor(HttpClient http, string conversationId, string token, LiveSubscription live)
    {
        _http = http;
        ConversationId = conversationId;
        Token = token;
        _live = live;
    }

    public string ConversationId { get; }
    public string Token { get; }

    public static async Task<Visitor> StartAsync(HelplineBotApp app)
    {
        var http = new HttpClient { BaseAddress = app.BaseAddress };
        using var tokenResponse = await http.PostAsync("/api/chat/token", null).WaitAsync(HandoffHarness.Timeout);
        var conversation = await tokenResponse.Content.ReadFromJsonAsync<JsonElement>();
        var token = conversation.GetProperty("token").GetString()!;
        var conversationId = conversation.GetProperty("conversationId").GetString()!;
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var live = await app.Services.GetRequiredService<DirectLineConversations>().SubscribeAsync(conversationId, CancellationToken.None)
            ?? throw new InvalidOperationException("No conversation.");
        using var start = await http.PostAsync("/v3/directline/conversations", null).WaitAsync(HandoffHarness.Timeout);
        start.EnsureSuccessStatusCode();
        return new Visitor(http, conversationId, token, live);
    }

    /// <summary>
    /// Opens the conversation's WebSocket stream as Web Chat does when it resumes with its stored token (a reload):
    /// reconnect, then connect to the stream URL the reconnect gives. Disposing it closes the stream, as a closed tab does.
    /// </summary>
    public async Task<ActivityStreamClient> OpenStreamAsync()
    {
        var reconnect = await _http.GetFromJsonAsync<JsonElement>($"/v3/directline/conversations/{ConversationId}").WaitAsync(HandoffHarness.Timeout);
        return await ActivityStreamClient.ConnectAsync(reconnect.GetProperty("streamUrl").GetString()!);
    }

    public Task SayAsync(string text) => PostAsync(new { type = "message", from = new { id = "visitor" }, text });

    public async Task PostAsync(object activity)
    {
        using var response = await _http.PostAsJsonAsync($"/v3/directline/conversations/{ConversationId}/activities", activity).WaitAsync(HandoffHarness.Timeout);
        response.EnsureSuccessStatusCode();
    }

    /// <summary>The next activity from the bot's side that matches, skipping others (the visitor's own echo, typing).</summary>
    public async Task<Activity> WaitForAsync(Func<Activity, bool> match)
    {
        using var timeout = new CancellationTokenSource(HandoffHarness.Timeout);
        await foreach (var frame in _live.Frames.ReadAllAsync(timeout.Token))
        {
            if (frame.Activity.From?.Role == RoleTypes.Bot && match(frame.Activity)) return frame.Activity;
        }
        throw new TimeoutException();
    }

    public Task<Activity> WaitForTextAsync(string contains) =>
        WaitForAsync(a => a.Type == ActivityTypes.Message && a.Text?.Contains(contains, StringComparison.Ordinal) == true);

    public ValueTask DisposeAsync()
    {
        _live.Dispose();
        _http.Dispose();
        return ValueTask.CompletedTask;
    }
}
