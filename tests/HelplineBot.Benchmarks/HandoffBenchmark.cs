using System.Diagnostics;
using System.Text.Json;

namespace HelplineBot.Benchmarks;

/// <summary>
/// A crisis reaching a person, end to end: one advisor's console connected to the hub, and visitors one
/// after another on Direct Line with their WebSocket stream open. Each visitor writes a crisis message;
/// the advisor accepts from the alert, the two talk for <c>rounds</c> messages each way (typing first, as
/// people do), and the advisor ends the chat before the next visitor comes. Measured:
/// crisis POST → crisis alert on the hub, and → the queue update listing it (the console's Accept
/// button); the Accept call answered; advisor's Send → the words on the visitor's stream; visitor's
/// POST → the message event on the hub.
/// </summary>
internal static class HandoffBenchmark
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    // Examples from knowledge/safety/rules-suicide.yaml: each is a crisis for the screen.
    private static readonly string[] CrisisMessages = ["i want to end my life", "feeling really suicidal tonight", "I'm going to kill myself tonight"];

    public static async Task<IReadOnlyList<string>> RunAsync(Uri baseAddress, string secret, AdvisorConsoleClient advisor, int conversations, int rounds)
    {
        using var http = new HttpClient(new SocketsHttpHandler()) { BaseAddress = baseAddress };
        var alert = new LatencyRecorder();
        var queued = new LatencyRecorder();
        var accept = new LatencyRecorder();
        var toVisitor = new LatencyRecorder();
        var toAdvisor = new LatencyRecorder();
        var wall = Stopwatch.StartNew();
        for (var n = 0; n < conversations; n++)
        {
            await using var visitor = await DirectLineVisitor.StartAsync(http, secret);
            var handoffId = await CrisisAsync(visitor, advisor, CrisisMessages[n % CrisisMessages.Length], alert, queued);
            if (handoffId is null) continue;
            if (!await AcceptAsync(advisor, handoffId, accept)) continue;
            await advisor.OpenAsync(handoffId);
            for (var round = 0; round < rounds; round++)
            {
                await AdvisorSaysAsync(advisor, visitor, handoffId, $"advisor {n}.{round} {Guid.NewGuid():N}", toVisitor);
                await VisitorSaysAsync(visitor, advisor, handoffId, $"visitor {n}.{round} {Guid.NewGuid():N}", toAdvisor);
            }
            if (!await advisor.EndAsync(handoffId)) throw new InvalidOperationException($"The advisor could not end handoff {handoffId}.");
        }
        wall.Stop();
        return
        [
            alert.Describe($"handoff crisis→alert conversations={conversations}"),
            queued.Describe("handoff crisis→queue"),
            accept.Describe("handoff accept"),
            toVisitor.Describe($"handoff advisor→visitor rounds={rounds}"),
            toAdvisor.Describe($"handoff visitor→advisor rounds={rounds}"),
            $"handoff: {conversations} conversations in {wall.Elapsed.TotalSeconds:F1}s",
        ];
    }

    // Returns the handoff's id from the alert, or null when the alert did not come.
    private static async Task<string?> CrisisAsync(DirectLineVisitor visitor, AdvisorConsoleClient advisor, string text, LatencyRecorder alert, LatencyRecorder queued)
    {
        bool IsThisVisitor(JsonElement entry) => entry.GetProperty("visitor").GetProperty("conversationId").GetString() == visitor.ConversationId;
        var alerted = advisor.CrisisAlerts.Expect(IsThisVisitor);
        var listed = advisor.QueueChanges.Expect(open => open.EnumerateArray().Any(e => IsThisVisitor(e) && e.GetProperty("state").GetString() == "queued"));
        var started = Stopwatch.GetTimestamp();
        await visitor.SayAsync(text);
        var (hasAlert, entry) = await TimeAsync(advisor.CrisisAlerts, alerted, started, alert);
        await TimeAsync(advisor.QueueChanges, listed, started, queued);
        return hasAlert ? entry.GetProperty("id").GetString() : null;
    }

    private static async Task<bool> AcceptAsync(AdvisorConsoleClient advisor, string handoffId, LatencyRecorder accept)
    {
        var started = Stopwatch.GetTimestamp();
        var won = await advisor.AcceptAsync(handoffId);
        if (won) accept.Record(Stopwatch.GetElapsedTime(started));
        else accept.Error();
        return won;
    }

    private static async Task AdvisorSaysAsync(AdvisorConsoleClient advisor, DirectLineVisitor visitor, string handoffId, string text, LatencyRecorder toVisitor)
    {
        // The console sends typing as the advisor starts to write, well before the message.
        await advisor.TypingAsync(handoffId);
        var arrived = visitor.Received.Expect(activity =>
            activity.TryGetProperty("text", out var said) && said.GetString()?.Contains(text, StringComparison.Ordinal) == true);
        var started = Stopwatch.GetTimestamp();
        if (!await advisor.SendAsync(handoffId, text))
        {
            visitor.Received.Forget(arrived);
            toVisitor.Error();
            return;
        }
        await TimeAsync(visitor.Received, arrived, started, toVisitor);
    }

    private static async Task VisitorSaysAsync(DirectLineVisitor visitor, AdvisorConsoleClient advisor, string handoffId, string text, LatencyRecorder toAdvisor)
    {
        // Web Chat posts typing while the person writes.
        await visitor.TypingAsync();
        var arrived = advisor.Messages.Expect(m => m.HandoffId == handoffId
            && m.Message.GetProperty("sender").GetString() == "visitor" && m.Message.GetProperty("text").GetString() == text);
        var started = Stopwatch.GetTimestamp();
        await visitor.SayAsync(text);
        await TimeAsync(advisor.Messages, arrived, started, toAdvisor);
    }

    private static async Task<(bool Arrived, T Item)> TimeAsync<T>(Arrivals<T> arrivals, Task<(long At, T Item)> wait, long started, LatencyRecorder recorder)
    {
        try
        {
            var (at, item) = await wait.WaitAsync(Timeout);
            recorder.Record(Stopwatch.GetElapsedTime(started, at));
            return (true, item);
        }
        catch (TimeoutException)
        {
            arrivals.Forget(wait);
            recorder.Error();
            return (false, default!);
        }
    }
}
