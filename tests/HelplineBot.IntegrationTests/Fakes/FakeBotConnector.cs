using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;

namespace HelplineBot.IntegrationTests.Fakes;

/// <summary>
/// A loopback Bot Connector service: records every call the bot makes (method, raw path, token, body,
/// arrival time) and answers 200 {"id"} unless the test scripted failures (503, 429 + Retry-After, ...).
/// </summary>
public sealed class FakeBotConnector : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly List<Call> _calls = [];
    private readonly List<(Func<Call, bool> Match, TaskCompletionSource<Call> Done)> _waiters = [];
    private readonly ConcurrentQueue<(int Status, string? RetryAfter)> _script = new();
    private int? _failAlways;

    private FakeBotConnector(WebApplication app) => _app = app;

    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>A service URL with a path prefix, as Teams uses (https://smba.trafficmanager.net/amer/).</summary>
    public string ServiceUrl => new Uri(BaseAddress, "amer/").AbsoluteUri;

    public IReadOnlyList<Call> Calls
    {
        get { lock (_calls) return _calls.ToArray(); }
    }

    public static async Task<FakeBotConnector> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var fake = new FakeBotConnector(app);
        app.Map("/{**path}", fake.HandleAsync);
        await app.StartAsync().WaitAsync(TimeSpan.FromSeconds(10));
        fake.BaseAddress = new Uri(app.Urls.Single().TrimEnd('/') + "/");
        return fake;
    }

    /// <summary>The next calls are answered with these statuses, in order, before normal service resumes.</summary>
    public void Enqueue(int status, string? retryAfter = null) => _script.Enqueue((status, retryAfter));

    /// <summary>Every call from now on fails with <paramref name="status"/>.</summary>
    public void FailAlways(int status) => _failAlways = status;

    /// <summary>Waits for a call matching <paramref name="match"/> (already received or still to come).</summary>
    public Task<Call> WaitForCallAsync(Func<Call, bool> match, TimeSpan? timeout = null)
    {
        lock (_calls)
        {
            var seen = _calls.FirstOrDefault(match);
            if (seen is not null) return Task.FromResult(seen);
            var done = new TaskCompletionSource<Call>(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((match, done));
            return done.Task.WaitAsync(timeout ?? TimeSpan.FromSeconds(10));
        }
    }

    public IReadOnlyList<Call> CallsFor(string conversationId) =>
        Calls.Where(call => call.Body?["conversation"]?["id"]?.GetValue<string>() == conversationId).ToArray();

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    private async Task HandleAsync(HttpContext http)
    {
        JsonNode? body = null;
        if (http.Request.ContentLength > 0 || http.Request.Headers.TransferEncoding.Count > 0)
            body = await JsonNode.ParseAsync(http.Request.Body);
        var call = new Call(
            http.Request.Method,
            http.Features.GetRequiredFeature<IHttpRequestFeature>().RawTarget,
            http.Request.Headers.Authorization.ToString(),
            http.Request.Headers["x-ms-conversation-id"].ToString(),
            http.Request.ContentType,
            body,
            _clock.Elapsed);
        Record(call);

        var status = _failAlways;
        string? retryAfter = null;
        if (status is null && _script.TryDequeue(out var scripted)) (status, retryAfter) = scripted;
        if (status is { } failure)
        {
            if (retryAfter is not null) http.Response.Headers.RetryAfter = retryAfter;
            http.Response.StatusCode = failure;
            return;
        }
        http.Response.StatusCode = StatusCodes.Status200OK;
        await http.Response.WriteAsJsonAsync(new { id = "reply-" + Guid.NewGuid().ToString("N")[..8] });
    }

    private void Record(Call call)
    {
        List<TaskCompletionSource<Call>> satisfied = [];
        lock (_calls)
        {
            _calls.Add(call);
            for (var i = _waiters.Count - 1; i >= 0; i--)
            {
                if (!_waiters[i].Match(call)) continue;
                satisfied.Add(_waiters[i].Done);
                _waiters.RemoveAt(i);
            }
        }
        foreach (var done in satisfied) done.TrySetResult(call);
    }

    public sealed record Call(string Method, string RawTarget, string Authorization, string ConversationHeader, string? ContentType, JsonNode? Body, TimeSpan ArrivedAt)
    {
        public string Text => Body?["text"]?.GetValue<string>() ?? string.Empty;
    }
}
