using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text.Json;

namespace HelplineBot.Benchmarks;

/// <summary>
/// One person on the website chat: a Direct Line conversation with its WebSocket stream open, as Web Chat
/// keeps it. Every activity from the bot's side that arrives on the stream is offered to <see cref="Received"/>.
/// </summary>
internal sealed class DirectLineVisitor : IAsyncDisposable
{
    private readonly HttpClient _http;
    private readonly string _token;
    private readonly ClientWebSocket _socket;
    private Task _receiving = Task.CompletedTask;

    private DirectLineVisitor(HttpClient http, string conversationId, string token, ClientWebSocket socket)
    {
        _http = http;
        ConversationId = conversationId;
        _token = token;
        _socket = socket;
    }

    public string ConversationId { get; }
    public Arrivals<JsonElement> Received { get; } = new();

    public static async Task<DirectLineVisitor> StartAsync(HttpClient http, string secret)
    {
        using var start = new HttpRequestMessage(HttpMethod.Post, "v3/directline/conversations") { Content = JsonContent.Create(new { }) };
        start.Headers.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        using var response = await http.SendAsync(start);
        response.EnsureSuccessStatusCode();
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var socket = new ClientWebSocket();
        await socket.ConnectAsync(new Uri(json.RootElement.GetProperty("streamUrl").GetString()!), CancellationToken.None);
        var visitor = new DirectLineVisitor(http, json.RootElement.GetProperty("conversationId").GetString()!, json.RootElement.GetProperty("token").GetString()!, socket);
        visitor._receiving = visitor.ReceiveAsync();
        return visitor;
    }

    public Task SayAsync(string text) => PostAsync(new { type = "message", from = new { id = "visitor" }, text, channelData = new { clientActivityID = Guid.NewGuid().ToString("N") } });

    public Task TypingAsync() => PostAsync(new { type = "typing", from = new { id = "visitor" } });

    private async Task PostAsync(object activity)
    {
        using var post = new HttpRequestMessage(HttpMethod.Post, $"v3/directline/conversations/{ConversationId}/activities") { Content = JsonContent.Create(activity) };
        post.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _token);
        using var response = await _http.SendAsync(post);
        response.EnsureSuccessStatusCode();
    }

    private Task ReceiveAsync() => DirectLineStream.ReadAsync(_socket, activity =>
    {
        if (activity.TryGetProperty("from", out var from) && from.TryGetProperty("role", out var role) && role.GetString() == "bot")
            Received.Offer(activity.Clone());
    });

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (_socket.State == WebSocketState.Open)
                await _socket.CloseAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
        }
        catch (WebSocketException)
        {
            // The server closed the stream at the same moment; the visitor is gone either way.
        }
        await _receiving;
        _socket.Dispose();
    }
}
