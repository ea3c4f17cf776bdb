using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace HelplineBot.Tests.Knowledge;

/// <summary>
/// A loopback fake of the Azure OpenAI chat-completions REST API
/// (POST /openai/deployments/{deployment}/chat/completions) on 127.0.0.1 with a free port. Each test
/// says how the n-th call (0-based) is answered; the fake records every request body it received.
/// </summary>
internal sealed class FakeAzureOpenAI : IAsyncDisposable
{
    public const string Deployment = "helpline-chat";
    public const string Key = "test-key";

    private readonly WebApplication _app;
    private readonly ConcurrentQueue<JsonDocument> _requests = new();
    private int _calls;

    private FakeAzureOpenAI(Func<int, HttpContext, Task> respond)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        _app = builder.Build();
        _app.MapPost("/openai/deployments/{deployment}/chat/completions", async (HttpContext context, string deployment) =>
        {
            if (deployment != Deployment || context.Request.Headers["api-key"] != Key)
            {
                context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                return;
            }
            _requests.Enqueue(await JsonDocument.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted));
            await respond(Interlocked.Increment(ref _calls) - 1, context);
        });
    }

    public string Endpoint { get; private set; } = "";

    public int Calls => Volatile.Read(ref _calls);

    public IReadOnlyList<JsonDocument> Requests => _requests.ToList();

    public static async Task<FakeAzureOpenAI> StartAsync(Func<int, HttpContext, Task> respond)
    {
        var fake = new FakeAzureOpenAI(respond);
        await fake._app.StartAsync().WaitAsync(TimeSpan.FromSeconds(10));
        var address = fake._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        fake.Endpoint = address + "/";
        return fake;
    }

    public static Task Completion(HttpContext context, string? content, string finishReason = "stop")
    {
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(JsonSerializer.Serialize(new
        {
            id = "chatcmpl-test",
            @object = "chat.completion",
            created = 1763856000,
            model = "gpt-4o",
            choices = new[] { new { index = 0, message = new { role = "assistant", content }, finish_reason = finishReason } },
            usage = new { prompt_tokens = 100, completion_tokens = 20, total_tokens = 120 },
        }));
    }

    public static Task Error(HttpContext context, int status, string code, params (string Name, string Value)[] headers)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        foreach (var (name, value) in headers) context.Response.Headers[name] = value;
        return context.Response.WriteAsync(JsonSerializer.Serialize(new { error = new { code, message = "fake " + code, status } }));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().WaitAsync(TimeSpan.FromSeconds(10));
        await _app.DisposeAsync();
        foreach (var request in _requests) request.Dispose();
    }
}
