using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace HelplineBot.Benchmarks;

/// <summary>Reads a Direct Line WebSocket stream: each frame is an activity set; every activity goes to the callback.</summary>
internal static class DirectLineStream
{
    /// <summary>Reads until the stream closes (or fails: the visitor is gone either way).</summary>
    public static async Task ReadAsync(WebSocket socket, Action<JsonElement> onActivity)
    {
        var buffer = new byte[64 * 1024];
        var message = new MemoryStream();
        try
        {
            while (socket.State == WebSocketState.Open)
            {
                var result = await socket.ReceiveAsync(buffer, CancellationToken.None);
                if (result.MessageType == WebSocketMessageType.Close) break;
                message.Write(buffer, 0, result.Count);
                if (!result.EndOfMessage) continue;
                var text = Encoding.UTF8.GetString(message.GetBuffer(), 0, (int)message.Length);
                message.SetLength(0);
                if (text.Length == 0) continue;
                using var set = JsonDocument.Parse(text);
                foreach (var activity in set.RootElement.GetProperty("activities").EnumerateArray()) onActivity(activity);
            }
        }
        catch (WebSocketException)
        {
        }
    }
}
