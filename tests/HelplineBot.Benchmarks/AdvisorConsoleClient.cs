using System.Net;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.SignalR.Client;

namespace HelplineBot.Benchmarks;

/// <summary>
/// An advisor's console as the browser runs it: the sign-in form (antiforgery token and cookie), the
/// session call, then the SignalR hub with the sign-in cookie, listening to the same events the page does.
/// </summary>
internal sealed partial class AdvisorConsoleClient : IAsyncDisposable
{
    private readonly HttpClient _http;
    private readonly HubConnection _hub;

    private AdvisorConsoleClient(HttpClient http, HubConnection hub)
    {
        _http = http;
        _hub = hub;
        hub.On<JsonElement>("CrisisAlert", entry => CrisisAlerts.Offer(entry));
        hub.On<JsonElement>("QueueChanged", open => QueueChanges.Offer(open));
        hub.On<string, JsonElement>("Message", (handoffId, message) => Messages.Offer((handoffId, message)));
        hub.On<string>("VisitorTyping", handoffId => VisitorTyping.Offer(handoffId));
        hub.On<JsonElement>("PresenceChanged", _ => { });
    }

    public Arrivals<JsonElement> CrisisAlerts { get; } = new();
    public Arrivals<JsonElement> QueueChanges { get; } = new();
    public Arrivals<(string HandoffId, JsonElement Message)> Messages { get; } = new();
    public Arrivals<string> VisitorTyping { get; } = new();

    public static async Task<AdvisorConsoleClient> SignInAsync(Uri baseAddress, string userName, string password)
    {
        var cookies = new CookieContainer();
        var http = new HttpClient(new SocketsHttpHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = baseAddress };
        var page = await http.GetStringAsync("advisor/signin");
        var token = AntiforgeryField().Match(page);
        if (!token.Success) throw new InvalidOperationException("The sign-in page has no antiforgery field.");
        using (var signIn = await http.PostAsync("advisor/signin", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            [token.Groups["name"].Value] = WebUtility.HtmlDecode(token.Groups["value"].Value),
            ["userName"] = userName,
            ["password"] = password,
        })))
        {
            if (signIn.StatusCode != HttpStatusCode.Redirect) throw new InvalidOperationException($"Sign-in answered {(int)signIn.StatusCode}.");
        }
        // The page asks who is signed in before it connects; a refused cookie shows here as a 401.
        using (var me = await http.GetAsync("advisor/api/me")) me.EnsureSuccessStatusCode();

        var hub = new HubConnectionBuilder()
            .WithUrl(new Uri(baseAddress, "advisor/hub"), options => options.Cookies = cookies)
            .AddJsonProtocol(json => json.PayloadSerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase)))
            .Build();
        var client = new AdvisorConsoleClient(http, hub);
        await hub.StartAsync();
        await hub.InvokeAsync<JsonElement>("GetState");
        return client;
    }

    /// <summary>The Accept button: true when this advisor won the chat.</summary>
    public async Task<bool> AcceptAsync(string handoffId) =>
        (await _hub.InvokeAsync<JsonElement>("Accept", handoffId)).GetProperty("won").GetBoolean();

    /// <summary>What the page does after a won accept: opens the chat (context and transcript).</summary>
    public Task<JsonElement> OpenAsync(string handoffId) => _hub.InvokeAsync<JsonElement>("Open", handoffId);

    public Task<bool> TypingAsync(string handoffId) => _hub.InvokeAsync<bool>("Typing", handoffId);

    public Task<bool> SendAsync(string handoffId, string text) => _hub.InvokeAsync<bool>("Send", handoffId, text);

    public Task<bool> EndAsync(string handoffId) => _hub.InvokeAsync<bool>("End", handoffId);

    public async ValueTask DisposeAsync()
    {
        await _hub.DisposeAsync();
        _http.Dispose();
    }

    [GeneratedRegex("name=\"(?<name>__RequestVerificationToken)\" value=\"(?<value>[^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
