using System.Diagnostics;
using System.Net.Http.Json;

namespace HelplineBot.Benchmarks;

/// <summary>
/// N concurrent conversations posting to /api/messages (open development mode, as a channel without
/// auth would) while a loopback mock Connector receives the replies. Each conversation runs the given
/// script, pausing <c>think</c> between its turns as a person would (0 = as fast as possible, which
/// measures saturation throughput); a turn's latency is from the POST to the first reply arriving at the Connector.
/// </summary>
internal static class MessagesBenchmark
{
    public static async Task<string> RunAsync(string name, Uri bot, MockConnector connector, int conversations, int rounds, IReadOnlyList<string> script, TimeSpan think = default)
    {
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 1024 }) { BaseAddress = bot };
        var recorder = new LatencyRecorder();
        recorder.Start();
        await Task.WhenAll(Enumerable.Range(0, conversations).Select(async n =>
        {
            // People do not all type at the same instant: start each conversation at a random point of the pause.
            if (think > TimeSpan.Zero) await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.NextDouble() * think.TotalMilliseconds));
            for (var round = 0; round < rounds; round++)
            {
                var conversationId = $"bench-{name}-{n}-{round}-{Guid.NewGuid():N}";
                for (var turn = 0; turn < script.Count; turn++)
                {
                    var activityId = $"{conversationId}-{turn}";
                    var replied = connector.ReplyTo(activityId);
                    var clock = Stopwatch.StartNew();
                    try
                    {
                        using var response = await http.PostAsJsonAsync("api/messages", new
                        {
                            type = "message", id = activityId, channelId = "emulator", serviceUrl = connector.ServiceUrl,
                            from = new { id = $"user-{n}" }, recipient = new { id = "helpline-bot" },
                            conversation = new { id = conversationId }, text = script[turn],
                        });
                        response.EnsureSuccessStatusCode();
                        await replied.WaitAsync(TimeSpan.FromSeconds(30));
                        recorder.Record(clock.Elapsed);
                    }
                    catch (Exception ex) when (ex is HttpRequestException or TimeoutException)
                    {
                        recorder.Error();
                    }
                    finally
                    {
                        connector.Forget(activityId);
                    }
                    if (think > TimeSpan.Zero) await Task.Delay(think);
                }
            }
        }));
        recorder.Stop();
        return recorder.Summary($"{name} conversations={conversations} think={think.TotalMilliseconds:F0}ms");
    }
}
