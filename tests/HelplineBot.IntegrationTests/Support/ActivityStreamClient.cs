using System.Net;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;

namespace HelplineBot.IntegrationTests.Support;

/// <summary>A Direct Line WebSocket stream as a test reads it: one ActivitySet per text frame, empty frames skipped.</summary>
public sealed class ActivityStreamClient : IAsyncDisposable
{
    private readonly ClientWebSocket _socket;

    private ActivityStreamClient(ClientWebSocket socket) => _socket = socket;

    public WebSocketState State => _socket.State;

    public static async Task<ActivityStreamClient> ConnectAsync(string streamUrl)
    {
        var socket = new ClientWebSocket();
        await socket.ConnectAsync(new Uri(streamUrl), CancellationToken.None).WaitAsync(DirectLineApi.Timeout);
        return new ActivityStreamClient(socket);
    }

    /// <summary>Tries to open a stream and returns the HTTP status of the refusal, or 101 when it opened.</summary>
    public static async Task<HttpStatusCode> StatusOfConnectAsync(string streamUrl)
    {
        using var socket = new ClientWebSocket();
        socket.Options.CollectHttpResponseDetails = true;
        try
        {
            await socket.ConnectAsync(new Uri(streamUrl), CancellationToken.None).WaitAsync(DirectLineApi.Timeout);
            return socket.HttpStatusCode;
        }
        catch (WebSocketException)
        {
            return socket.HttpStatusCode;
        }
    }

    /// <summary>The next ActivitySet; empty keep-alive frames are skipped.</summary>
    public async Task<JsonObject> ReceiveSetAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        while (true)
        {
            var text = await ReceiveTextAsync(cancel.Token);
            if (text.Length > 0) return JsonNode.Parse(text)!.AsObject();
        }
    }

    /// <summary>Reads sets until <paramref name="count"/> activities arrived; returns them with the last watermark.</summary>
    public async Task<(List<JsonObject> Activities, string Watermark)> ReceiveActivitiesAsync(int count, TimeSpan timeout)
    {
        var activities = new List<JsonObject>();
        var watermark = "";
        using var cancel = new CancellationTokenSource(timeout);
        while (activities.Count < count)
        {
            var set = await ReceiveSetAsync(timeout).WaitAsync(cancel.Token);
            activities.AddRange(set["activities"]!.AsArray().Select(a => a!.AsObject()));
            watermark = set["watermark"]?.GetValue<string>() ?? watermark;
        }
        return (activities, watermark);
    }

    /// <summary>Sends what directlinejs sends every 20 s as a ping: an empty text frame.</summary>
    public Task SendKeepAliveAsync() =>
        _socket.SendAsync(ReadOnlyMemory<byte>.Empty, WebSocketMessageType.Text, true, CancellationToken.None).AsTask().WaitAsync(DirectLineApi.Timeout);

    private async Task<string> ReceiveTextAsync(CancellationToken cancellationToken)
    {
        var buffer = new byte[64 * 1024];
        using var message = new MemoryStream();
        while (true)
        {
            var result = await _socket.ReceiveAsync(buffer, cancellationToken);
            if (result.MessageType == WebSocketMessageType.Close) throw new WebSocketException("The server closed the stream.");
            Assert.Equal(WebSocketMessageType.Text, result.MessageType);
            message.Write(buffer, 0, result.Count);
            if (result.EndOfMessage) return Encoding.UTF8.GetString(message.ToArray());
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_socket.State == WebSocketState.Open)
        {
            try
            {
                await _socket.CloseAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(5));
            }
            catch (Exception ex) when (ex is WebSocketException or TimeoutException)
            {
                // The server may already be gone.
            }
        }
        _socket.Dispose();
    }
}
