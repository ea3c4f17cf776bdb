using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace HelplineBot.IntegrationTests.Fakes;

/// <summary>
/// A loopback Entra token endpoint for MSAL's client-credentials call
/// (POST /{tenant}/oauth2/v2.0/token): records who asked and hands out numbered bot tokens.
/// </summary>
public sealed class FakeEntraTokenEndpoint : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<TokenRequest> _requests = new();
    private int _issued;

    private FakeEntraTokenEndpoint(WebApplication app) => _app = app;

    public Uri BaseAddress { get; private set; } = null!;

    public IReadOnlyList<TokenRequest> Requests => _requests.ToArray();

    public static async Task<FakeEntraTokenEndpoint> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var fake = new FakeEntraTokenEndpoint(app);
        app.MapPost("/{tenant}/oauth2/v2.0/token", async (string tenant, HttpRequest request) =>
        {
            var form = await request.ReadFormAsync();
            fake._requests.Enqueue(new TokenRequest(tenant, form["grant_type"].ToString(), form["client_id"].ToString(),
                form["client_secret"].ToString(), form["scope"].ToString()));
            var number = Interlocked.Increment(ref fake._issued);
            return Results.Json(new Dictionary<string, object>
            {
                ["token_type"] = "Bearer",
                ["expires_in"] = 3600,
                ["ext_expires_in"] = 3600,
                ["access_token"] = $"bot-token-{number}",
            });
        });
        await app.StartAsync().WaitAsync(TimeSpan.FromSeconds(10));
        fake.BaseAddress = new Uri(app.Urls.Single().TrimEnd('/') + "/");
        return fake;
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    public sealed record TokenRequest(string Tenant, string GrantType, string ClientId, string ClientSecret, string Scope);
}
