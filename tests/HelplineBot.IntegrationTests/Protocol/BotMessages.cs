using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace HelplineBot.IntegrationTests.Protocol;

/// <summary>Channel-shaped activities and the POST to /api/messages, for the protocol tests.</summary>
internal static class BotMessages
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(15);

    public static string NewConversationId() => $"a:{Guid.NewGuid():N};messageid=17@thread.v2";

    public static JsonObject Message(string conversationId, string serviceUrl, string text = "hello", string channelId = "emulator") => new()
    {
        ["type"] = "message",
        ["id"] = "act-" + Guid.NewGuid().ToString("N")[..8],
        ["timestamp"] = "2026-11-23T10:00:00.000Z",
        ["channelId"] = channelId,
        ["serviceUrl"] = serviceUrl,
        ["from"] = new JsonObject { ["id"] = "29:visitor", ["role"] = "user" },
        ["recipient"] = new JsonObject { ["id"] = "28:helpline-bot", ["name"] = "Helpline" },
        ["conversation"] = new JsonObject { ["id"] = conversationId },
        ["text"] = text,
    };

    public static JsonObject Of(string type, string conversationId, string serviceUrl, string channelId = "emulator")
    {
        var activity = Message(conversationId, serviceUrl, channelId: channelId);
        activity["type"] = type;
        activity.Remove("text");
        return activity;
    }

    public static Task<HttpResponseMessage> PostAsync(this HttpClient http, JsonObject activity, string? token = null) =>
        http.PostRawAsync(activity.ToJsonString(), "application/json", token);

    public static Task<HttpResponseMessage> PostRawAsync(this HttpClient http, string body, string contentType, string? token = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages")
        {
            Content = new StringContent(body, Encoding.UTF8, contentType),
        };
        if (token is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return http.SendAsync(request).WaitAsync(Timeout);
    }

    public static async Task<JsonObject> ReadJsonAsync(this HttpResponseMessage response) =>
        (JsonNode.Parse(await response.Content.ReadAsStringAsync().WaitAsync(Timeout)) as JsonObject)!;

    /// <summary>Asserts a short ProblemDetails answer that leaks no exception text.</summary>
    public static async Task<JsonObject> AssertProblemAsync(this HttpResponseMessage response, int status)
    {
        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var text = await response.Content.ReadAsStringAsync().WaitAsync(Timeout);
        Assert.DoesNotContain("Exception", text);
        Assert.DoesNotContain(" at ", text);
        return (JsonNode.Parse(text) as JsonObject)!;
    }
}
