using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.JsonWebTokens;

namespace HelplineBot.IntegrationTests.Support;

/// <summary>Raw Direct Line 3.0 calls against a running app, for tests that check statuses and bodies.</summary>
public sealed class DirectLineApi(HelplineBotApp app, string secret) : IDisposable
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    /// <summary>A fixed development secret the test apps are configured with.</summary>
    public const string TestSecret = "test-directline-secret-0123456789abcdef";

    private readonly HttpClient _http = new() { BaseAddress = app.BaseAddress, Timeout = Timeout };

    public string Domain => new Uri(app.BaseAddress, "/v3/directline").ToString();

    /// <summary>tokens/generate with the secret: a token bound to a new conversation (not yet started).</summary>
    public async Task<IssuedToken> GenerateTokenAsync()
    {
        using var response = await SendAsync(HttpMethod.Post, "tokens/generate", secret);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await ReadJsonAsync(response);
        return new IssuedToken(body["conversationId"]!.GetValue<string>(), body["token"]!.GetValue<string>());
    }

    /// <summary>A token and its started conversation, whose greeting is already logged.</summary>
    public async Task<IssuedToken> StartConversationAsync()
    {
        var issued = await GenerateTokenAsync();
        using var response = await SendAsync(HttpMethod.Post, "conversations", issued.Token);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return issued;
    }

    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? credential, HttpContent? content = null)
    {
        using var request = new HttpRequestMessage(method, "/v3/directline/" + path) { Content = content };
        if (credential is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", credential);
        return await _http.SendAsync(request).WaitAsync(Timeout);
    }

    public Task<HttpResponseMessage> PostActivityAsync(string conversationId, string credential, object activity) =>
        SendAsync(HttpMethod.Post, $"conversations/{conversationId}/activities", credential,
            new StringContent(JsonSerializer.Serialize(activity), Encoding.UTF8, "application/json"));

    /// <summary>Posts a message as Web Chat does and returns the id the server gave it.</summary>
    public async Task<string> PostMessageAsync(string conversationId, string credential, string text, string? clientActivityId = null)
    {
        using var response = await PostActivityAsync(conversationId, credential, Message(text, clientActivityId ?? NewClientActivityId()));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await ReadJsonAsync(response))["id"]!.GetValue<string>();
    }

    public async Task<ActivityPage> GetActivitiesAsync(string conversationId, string credential, string? watermark = null)
    {
        var query = watermark is null ? "" : "?watermark=" + Uri.EscapeDataString(watermark);
        using var response = await SendAsync(HttpMethod.Get, $"conversations/{conversationId}/activities{query}", credential);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await ReadJsonAsync(response);
        return new ActivityPage(body["activities"]!.AsArray().Select(a => a!.AsObject()).ToList(), body["watermark"]!.GetValue<string>());
    }

    public static object Message(string text, string clientActivityId) => new
    {
        type = "message",
        text,
        textFormat = "plain",
        from = new { id = "r_httptest", role = "user" },
        channelData = new { clientActivityID = clientActivityId },
    };

    public static string NewClientActivityId() => "http-" + Guid.NewGuid().ToString("N");

    public static async Task<JsonObject> ReadJsonAsync(HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();

    /// <summary>Asserts the Direct Line error shape {"error":{"code","message"}} with nothing that looks like a stack trace.</summary>
    public static async Task<string> AssertErrorAsync(HttpResponseMessage response, HttpStatusCode status, string? code = null)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.Equal(status, response.StatusCode);
        Assert.StartsWith("application/json", response.Content.Headers.ContentType?.MediaType);
        var error = JsonNode.Parse(text)!["error"]!.AsObject();
        var actualCode = error["code"]!.GetValue<string>();
        Assert.False(string.IsNullOrWhiteSpace(error["message"]!.GetValue<string>()));
        if (code is not null) Assert.Equal(code, actualCode);
        Assert.DoesNotContain("   at ", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", text, StringComparison.Ordinal);
        return actualCode;
    }

    public static string Claim(string token, string name) => new JsonWebToken(token).GetClaim(name).Value;

    public void Dispose() => _http.Dispose();
}

public sealed record IssuedToken(string ConversationId, string Token);

public sealed record ActivityPage(IReadOnlyList<JsonObject> Activities, string Watermark)
{
    public IEnumerable<string> Ids => Activities.Select(a => a["id"]!.GetValue<string>());
}
