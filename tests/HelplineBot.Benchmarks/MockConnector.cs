using System.Collections.Concurrent;
using System.Net;

namespace HelplineBot.Benchmarks;

/// <summary>
/// A loopback Bot Connector: accepts the bot's replies and signals the first reply to each activity,
/// so a turn's latency is from the channel's POST to the reply reaching the channel.
/// </summary>
internal sealed class MockConnector : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _waiting = new();
    private long _replies;

    private MockConnector(WebApplication app) => _app = app;

    public string ServiceUrl { get; private set; } = "";
    public long Replies => Interlocked.Read(ref _replies);

    public static async Task<MockConnector> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var connector = new MockConnector(app);
        app.MapPost("/v3/conversations/{conversationId}/activities/{replyToId}", (string replyToId) => connector.Received(replyToId));
        app.MapPost("/v3/conversations/{conversationId}/activities", () => connector.Received(null));
        await app.StartAsync();
        connector.ServiceUrl = app.Urls.First().TrimEnd('/') + "/";
        return connector;
    }

    public Task ReplyTo(string activityId) =>
        _waiting.GetOrAdd(activityId, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Task;

    public void Forget(string activityId) => _waiting.TryRemove(activityId, out _);

    private IResult Received(string? replyToId)
    {
        Interlocked.Increment(ref _replies);
        if (replyToId is not null)
            _waiting.GetOrAdd(Uri.UnescapeDataString(replyToId), _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
        return Results.Json(new { id = Guid.NewGuid().ToString("N") });
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();
}
