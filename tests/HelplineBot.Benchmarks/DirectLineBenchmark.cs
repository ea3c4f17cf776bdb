using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text.Json;

namespace HelplineBot.Benchmarks;

/// <summary>
/// N concurrent Direct Line conversations, each with its WebSocket stream open as Web Chat keeps it:
/// a turn's latency is from the start of the POST of a message to the arrival of the bot's reply to it
/// on the stream.
/// </summary>
internal static class DirectLineBenchmark
{
    public static async Task<string> RunAsync(Uri baseAddress, string secret, int conversations, int turnsEach, IReadOnlyList<string> script)
    {
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 1024 }) { BaseAddress = baseAddress };
        var recorder = new LatencyRecorder();
        var clients = await Task.WhenAll(Enumerable.Range(0, conversations).Select(_ => StartAsync(http, secret)));
        recorder.Start();
        await Task.WhenAll(clients.Select(client => client.RunAsync(http, turnsEach, script, recorder)));
        recorder.Stop();
        foreach (var client in clients) await client.DisposeAsync();
        return recorder.Summary($"directline conversations={conversations}");
    }

    private static async Task<Client> StartAsync(HttpClient http, string secret)
    {
        using var start = new HttpRequestMessage(HttpMethod.Post, "v3/directline/conversations") { Content = JsonContent.Create(new { }) };
        start.Headers.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        using var response = await http.SendAsync(start);
        response.EnsureSuccessStatusCode();
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var conversationId = json.RootElement.GetProperty("conversationId").GetString()!;
        var token = json.RootElement.GetProperty("token").GetString()!;
        var socket = new ClientWebSocket();
        await socket.ConnectAsync(new Uri(json.RootElement.GetProperty("streamUrl").GetString()!), CancellationToken.None);
        var client = new Client(conversationId, token, socket);
        client.StartReceiving();
        return client;
    }

    private sealed class Client(string conversationId, string token, ClientWebSocket socket) : IAsyncDisposable
    {
        private readonly Dictionary<string, TaskCompletionSource> _waitingForReplyTo = new();
        private Task _receiving = Task.CompletedTask;

        public void StartReceiving() => _receiving = ReceiveAsync();

        public async Task RunAsync(HttpClient http, int turns, IReadOnlyList<string> script, LatencyRecorder recorder)
        {
            for (var i = 0; i < turns; i++)
            {
                var clock = Stopwatch.StartNew();
                try
                {
                    using var post = new HttpRequestMessage(HttpMethod.Post, $"v3/directline/conversations/{conversationId}/activities")
                    {
                        Content = JsonContent.Create(new { type = "message", text = script[i % script.Count], channelData = new { clientActivityID = Guid.NewGuid().ToString("N") } }),
                    };
                    post.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
                    var reply = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                    using var response = await http.SendAsync(post);
                    response.EnsureSuccessStatusCode();
                    var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
                    lock (_waitingForReplyTo)
                    {
                        if (!_replied.Remove(id)) _waitingForReplyTo[id] = reply;
                        else reply.SetResult();
                    }
                    await reply.Task.WaitAsync(TimeSpan.FromSeconds(30));
                    recorder.Record(clock.Elapsed);
                }
                catch (Exception ex) when (ex is HttpRequestException or TimeoutException or JsonException)
                {
                    recorder.Error();
                }
            }
        }

        private readonly HashSet<string> _replied = [];

        private Task ReceiveAsync() => DirectLineStream.ReadAsync(socket, activity =>
        {
            if (!activity.TryGetProperty("replyToId", out var replyTo)) return;
            var id = replyTo.GetString()!;
            lock (_waitingForReplyTo)
            {
                if (_waitingForReplyTo.Remove(id, out var waiting)) waiting.TrySetResult();
                else _replied.Add(id);
            }
        });

        public async ValueTask DisposeAsync()
        {
            if (socket.State == WebSocketState.Open)
                await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
            await _receiving;
            socket.Dispose();
        }
    }
}
